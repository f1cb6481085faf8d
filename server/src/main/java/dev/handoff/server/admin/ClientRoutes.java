package dev.handoff.server.admin;

import com.sun.net.httpserver.HttpExchange;
import dev.handoff.nlm.state.FileLocks;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients and locks routes of the admin API: {@code GET /v1/clients} (who is mounted, connected, locking)
 * and {@code GET /v1/locks?limit=N} (the lock table, bounded). Both only read.
 */
final class ClientRoutes {
    private static final Logger log = LoggerFactory.getLogger(ClientRoutes.class);
    static final String CLIENTS = "/v1/clients";
    static final String LOCKS = "/v1/locks";
    /** The lock table cannot be read now (a cluster member without quorum). */
    static final int UNAVAILABLE = 503;

    private final ClientSources sources;

    ClientRoutes(ClientSources sources) {
        this.sources = sources;
    }

    /** Answers a clients or locks route; false when {@code rawPath} is neither (the caller answers 404). */
    boolean respond(HttpExchange exchange, String rawPath) throws IOException {
        if (rawPath.equals(CLIENTS)) {
            Exchanges.route(exchange, "GET", () -> Exchanges.send(exchange, 200, clients()));
            return true;
        }
        if (rawPath.equals(LOCKS)) {
            Exchanges.route(exchange, "GET", () -> locks(exchange));
            return true;
        }
        return false;
    }

    private ClientsReport clients() {
        List<FileLocks> locks = List.of();
        String locksError = null;
        try {
            locks = List.copyOf(sources.locks().records());
        } catch (RuntimeException e) {
            // Mounts and connections are this node's own: worth showing even when the shared table is not.
            log.debug("admin API: lock table not read: {}", e.toString());
            locksError = "lock table unavailable: " + e.getMessage();
        }
        return ClientsReport.of(sources.mounts().get(), sources.connections().get(), locks,
                sources.lockHolders().get(), locksError);
    }

    private void locks(HttpExchange exchange) throws IOException {
        Optional<String> text = PathSegments.queryParameter(exchange.getRequestURI().getRawQuery(), "limit");
        int limit = LocksReport.DEFAULT_LIMIT;
        if (text.isPresent()) {
            try {
                limit = Integer.parseInt(text.get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > LocksReport.MAX_LIMIT) {
                Exchanges.error(exchange, 400, "limit must be a number from 1 to " + LocksReport.MAX_LIMIT);
                return;
            }
        }
        Collection<FileLocks> records;
        try {
            records = sources.locks().records();
        } catch (RuntimeException e) {
            Exchanges.error(exchange, UNAVAILABLE, "lock table unavailable: " + e.getMessage());
            return;
        }
        Exchanges.send(exchange, 200, LocksReport.of(records, limit));
    }
}
