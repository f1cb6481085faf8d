package dev.handoff.server.admin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Answering an exchange of the admin API: JSON bodies, the 405 with its Allow header, and error bodies. */
final class Exchanges {
    private Exchanges() {
    }

    /** Runs one route's answer; may throw what writing the answer throws. */
    interface Action {
        void run() throws IOException;
    }

    /** Runs {@code action} for the one method the route takes; answers 405 naming that method otherwise. */
    static void route(HttpExchange exchange, String allowed, Action action) throws IOException {
        if (exchange.getRequestMethod().equals(allowed)) {
            action.run();
        } else {
            exchange.getResponseHeaders().set("Allow", allowed);
            send(exchange, 405, Map.of("error", "use " + allowed));
        }
    }

    /** An error answer, {@code {"error":"..."}}, the same shape on every route. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, Map.of("error", message));
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = AdminJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
