package dev.handoff.server.admin;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits and decodes the variable parts of admin API paths. Works on the raw (still percent-encoded) path so
 * that a name holding an encoded slash, such as a VIP written with its prefix ({@code 10.0.3.100%2F24}), stays
 * one segment.
 */
final class PathSegments {
    private PathSegments() {
    }

    /**
     * The {@code count} decoded segments that follow {@code prefix} in {@code rawPath}, or empty when the path
     * does not start with it, has another number of segments, or has an empty or undecodable one.
     */
    static Optional<List<String>> after(String rawPath, String prefix, int count) {
        if (!rawPath.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] raw = rawPath.substring(prefix.length()).split("/", -1);
        if (raw.length != count) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>(count);
        for (String segment : raw) {
            Optional<String> decoded = decode(segment);
            if (decoded.isEmpty() || decoded.get().isEmpty()) {
                return Optional.empty();
            }
            segments.add(decoded.get());
        }
        return Optional.of(segments);
    }

    /** The first value of {@code name} in a raw query string ({@code a=1&b=2}). */
    static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).filter(name::equals).isPresent()) {
                return decode(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /** Percent-decoding only: a '+' in a path is a plus, not the space of HTML forms. */
    private static Optional<String> decode(String raw) {
        try {
            return Optional.of(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes one path segment or query value (the client's side of {@link #decode}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
