package dev.handoff.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API (routes in {@code package-info}), on the JDK's built-in HTTP server: no dependency, and
 * an API of two routes needs nothing more. Requests run one at a time on one daemon thread, so a slow reload
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

    private AdminHttpServer(HttpServer server, ExecutorService executor, ExportsAdmin admin) {
        this.server = server;
        this.executor = executor;
        this.admin = admin;
    }

    /** Binds {@code address} (port 0: an ephemeral port) and starts answering. */
    public static AdminHttpServer start(InetSocketAddress address, ExportsAdmin admin) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "admin-http");
            t.setDaemon(true);
            return t;
        });
        AdminHttpServer api = new AdminHttpServer(server, executor, admin);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String where = new AdminEndpoint(bound.getAddress().getHostAddress(), bound.getPort()).uri();
        if (!bound.getAddress().isLoopbackAddress()) {
            log.warn("the admin API listens on {}, not loopback: anyone who reaches it can reload exports", where);
        }
        log.info("admin API on {}", where);
        return api;
    }

    /** The bound address (with the actual port when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                respond(exchange);
            } catch (RuntimeException e) {
                log.error("admin API: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                send(exchange, 500, Map.of("error", "internal error: " + e));
            }
        } catch (IOException e) {
            log.debug("admin API: answering {} failed: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        // Browsers send Origin on cross-site requests; a web page must not drive the API of a local server.
        if (exchange.getRequestHeaders().containsKey("Origin")) {
            send(exchange, 403, Map.of("error", "requests from web pages are refused"));
        } else if (path.equals(EXPORTS)) {
            route(exchange, method, "GET", () -> send(exchange, 200, admin.current()));
        } else if (path.equals(RELOAD)) {
            route(exchange, method, "POST", () -> {
                ReloadReport report = admin.reload();
                send(exchange, report.ok() ? 200 : UNPROCESSABLE, report);
            });
        } else {
            send(exchange, 404, Map.of("error", "no such resource: " + path));
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void route(HttpExchange exchange, String method, String allowed, Action action)
            throws IOException {
        if (method.equals(allowed)) {
            action.run();
        } else {
            exchange.getResponseHeaders().set("Allow", allowed);
            send(exchange, 405, Map.of("error", "use " + allowed));
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = AdminJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** Stops listening; a request in progress is cut short (it only reads state). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
