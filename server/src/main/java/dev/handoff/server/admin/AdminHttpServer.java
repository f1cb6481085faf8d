package dev.handoff.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.handoff.cluster.failover.ClusterControl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API (routes in {@code package-info}), on the JDK's built-in HTTP server: no dependency, and
 * an API of a handful of routes needs nothing more. The exports routes are answered here, the cluster routes by
 * {@link ClusterRoutes}. Requests run one at a time on one daemon thread, so a slow reload
 * (DNS for host-name rules) queues the next request rather than running two reloads.
 */
public final class AdminHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminHttpServer.class);
    static final String EXPORTS = "/v1/exports";
    static final String RELOAD = "/v1/exports/reload";
    /** 422: the request was understood, but the exports it asked to load are invalid. */
    static final int UNPROCESSABLE = 422;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExportsAdmin admin;
    private final ClusterRoutes cluster;
    private final ClientRoutes clients;
    /** Required of every request when present (the API listens beyond loopback). */
    private final java.util.Optional<AdminToken> token;

    private AdminHttpServer(HttpServer server, ExecutorService executor, ExportsAdmin admin, ClusterRoutes cluster,
                            ClientRoutes clients, java.util.Optional<AdminToken> token) {
        this.token = token;
        this.server = server;
        this.executor = executor;
        this.admin = admin;
        this.cluster = cluster;
        this.clients = clients;
    }

    /** Binds {@code address} (port 0: an ephemeral port) and starts answering, for a server without a cluster. */
    public static AdminHttpServer start(InetSocketAddress address, ExportsAdmin admin) throws IOException {
        return start(address, admin, StandaloneControl.ofLocalHost());
    }

    /** Binds {@code address} and starts answering, the cluster routes from {@code control} (a clustered server's). */
    public static AdminHttpServer start(InetSocketAddress address, ExportsAdmin admin, ClusterControl control)
            throws IOException {
        return start(address, admin, control, ClientSources.NONE);
    }

    /** Binds {@code address} and starts answering, the clients and locks routes from {@code sources}. */
    public static AdminHttpServer start(InetSocketAddress address, ExportsAdmin admin, ClusterControl control,
                                        ClientSources sources) throws IOException {
        return start(address, admin, control, sources, java.util.Optional.empty());
    }

    /**
     * As above, asking every request for {@code token} when given. Beyond loopback a token is required: the API
     * moves addresses and reloads exports.
     */
    public static AdminHttpServer start(InetSocketAddress address, ExportsAdmin admin, ClusterControl control,
                                        ClientSources sources, java.util.Optional<AdminToken> token)
            throws IOException {
        if (token.isEmpty() && !address.getAddress().isLoopbackAddress()) {
            throw new IOException("the admin API would listen on " + address.getAddress().getHostAddress()
                    + ", beyond loopback, without a token: give --admin-token-file FILE (anyone who reaches it "
                    + "could move addresses and reload exports), or keep --admin on 127.0.0.1");
        }
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "admin-http");
            t.setDaemon(true);
            return t;
        });
        AdminHttpServer api = new AdminHttpServer(server, executor, admin, new ClusterRoutes(control),
                new ClientRoutes(sources), token);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String where = new AdminEndpoint(bound.getAddress().getHostAddress(), bound.getPort()).uri();
        log.info("admin API on {}{}", where, token.isPresent() ? " (token required)" : "");
        return api;
    }

    /** The bound address (with the actual port when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                if (token.isPresent() && !token.get().admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    log.warn("admin API: {} {} from {} refused: no valid token", exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), exchange.getRemoteAddress());
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    Exchanges.error(exchange, 401, "this admin API needs its token: pass --admin-token-file FILE "
                            + "(or set HANDOFF_ADMIN_TOKEN_FILE)");
                    return;
                }
                respond(exchange);
            } catch (RuntimeException e) {
                log.error("admin API: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Exchanges.error(exchange, 500, "internal error: " + e);
            }
        } catch (IOException e) {
            log.debug("admin API: answering {} failed: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        // Browsers send Origin on cross-site requests; a web page must not drive the API of a local server.
        if (exchange.getRequestHeaders().containsKey("Origin")) {
            Exchanges.error(exchange, 403, "requests from web pages are refused");
        } else if (path.equals(EXPORTS)) {
            Exchanges.route(exchange, "GET", () -> Exchanges.send(exchange, 200, admin.current()));
        } else if (path.equals(RELOAD)) {
            Exchanges.route(exchange, "POST", () -> {
                ReloadReport report = admin.reload();
                Exchanges.send(exchange, report.ok() ? 200 : UNPROCESSABLE, report);
            });
        } else if (!cluster.respond(exchange, exchange.getRequestURI().getRawPath())
                && !clients.respond(exchange, exchange.getRequestURI().getRawPath())) {
            Exchanges.error(exchange, 404, "no such resource: " + path);
        }
    }

    /**
     * Stops listening; a request in progress is cut short (it only reads state, or asks the cluster for a move
     * that the cluster carries out on its own).
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
