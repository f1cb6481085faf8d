package dev.handoff.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics endpoint: {@code GET /metrics} (Prometheus text format 0.0.4), {@code /live} (the process
 * answers) and {@code /ready} (503 until the exports are loaded and every program is listening and
 * registered). Apart from the admin API because Prometheus and the kubelet must reach it from other hosts,
 * while the admin API stays on loopback; it only reads, so it needs no token.
 */
public final class MetricsHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsHttpServer.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServerMetrics metrics;
    private final BooleanSupplier ready;

    private MetricsHttpServer(HttpServer server, ExecutorService executor, ServerMetrics metrics,
                              BooleanSupplier ready) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
        this.ready = ready;
    }

    /** Binds {@code address} (port 0: an ephemeral port) and starts answering. */
    public static MetricsHttpServer start(InetSocketAddress address, ServerMetrics metrics, BooleanSupplier ready)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        // One thread: scrapes are seconds apart, and a second concurrent scrape would only repeat the work.
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        MetricsHttpServer endpoint = new MetricsHttpServer(server, executor, metrics, ready);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        log.info("metrics on http://{}:{}/metrics", server.getAddress().getAddress().getHostAddress(),
                server.getAddress().getPort());
        return endpoint;
    }

    /** The bound address (with the actual port when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "use GET\n");
            } else if (path.equals("/metrics")) {
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                send(exchange, 200, metrics.scrape());
            } else if (path.equals("/live")) {
                send(exchange, 200, "live\n");
            } else if (path.equals("/ready")) {
                boolean ok = ready.getAsBoolean();
                send(exchange, ok ? 200 : 503, ok ? "ready\n" : "not ready\n");
            } else {
                send(exchange, 404, "not found: " + path + " (try /metrics, /live, /ready)\n");
            }
        } catch (IOException | RuntimeException e) {
            log.debug("metrics endpoint: answering {} failed: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops answering; the registry is the caller's to close. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
