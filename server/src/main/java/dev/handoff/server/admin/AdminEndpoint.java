package dev.handoff.server.admin;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where the admin API listens, as {@code --admin} gives it: {@code HOST:PORT}, {@code [IPv6]:PORT}, or a
 * bare {@code PORT} on 127.0.0.1; port 0 turns the API off.
 */
public record AdminEndpoint(String host, int port) {
    public static final int DEFAULT_PORT = 9049;
    public static final String DEFAULT = "127.0.0.1:" + DEFAULT_PORT;
    private static final String LOOPBACK = "127.0.0.1";

    public AdminEndpoint {
        if (host.isEmpty() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("an admin endpoint needs a host and a port from 1 to 65535");
        }
    }

    /** The endpoint, or empty when {@code text} turns the API off; throws for text that is neither. */
    public static Optional<AdminEndpoint> parse(String text) {
        String t = text.strip();
        String host;
        String port;
        int colon = t.lastIndexOf(':');
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0 || colon != close + 1) {
                throw new IllegalArgumentException("expected [IPv6]:PORT, got '" + text + "'");
            }
            host = t.substring(1, close);
            port = t.substring(colon + 1);
        } else if (colon >= 0 && t.indexOf(':') != colon) {
            throw new IllegalArgumentException("write an IPv6 address in brackets, [ADDR]:PORT: '" + text + "'");
        } else {
            host = colon < 0 ? LOOPBACK : t.substring(0, colon);
            port = t.substring(colon + 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT or PORT, got '" + text + "'");
        }
        if (number == 0) {
            return Optional.empty();
        }
        if (number < 0 || number > 65_535 || host.isEmpty()) {
            throw new IllegalArgumentException("expected HOST:PORT with a port from 0 to 65535, got '" + text + "'");
        }
        return Optional.of(new AdminEndpoint(host, number));
    }

    /** Resolves the host now (a name is looked up once, when binding or connecting). */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** The base URI of the API. */
    public String uri() {
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
