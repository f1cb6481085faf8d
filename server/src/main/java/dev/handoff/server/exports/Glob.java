package dev.handoff.server.exports;

import java.util.Locale;
import java.util.Optional;

/**
 * Host-name wildcards of exports(5): {@code *} (any run, dots included, so {@code *.example.com} also matches
 * hosts in sub-domains), {@code ?} (one character) and classes {@code [a-z]}, {@code [!0-9]} or {@code [^0-9]}.
 * Matching ignores case, as host names do (RFC 4343).
 */
final class Glob {
    private Glob() {
    }

    /** Why the pattern is malformed, or empty when it is fine. */
    static Optional<String> problem(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '[' && classEnd(pattern, i) < 0) {
                return Optional.of("unterminated '[' in wildcard '" + pattern + "'");
            }
        }
        return Optional.empty();
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    static boolean matches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String s = name.toLowerCase(Locale.ROOT);
        // Greedy match that backtracks only to the last '*': linear in practice, never exponential.
        int pi = 0;
        int si = 0;
        int afterStar = -1;
        int starText = -1;
        while (si < s.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                afterStar = ++pi;
                starText = si;
            } else if (pi < p.length() && matchesOne(p, pi, s.charAt(si))) {
                pi = next(p, pi);
                si++;
            } else if (afterStar >= 0) {
                pi = afterStar;
                si = ++starText;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    private static boolean matchesOne(String p, int pi, char c) {
        char pc = p.charAt(pi);
        if (pc == '?') {
            return true;
        }
        int end = pc == '[' ? classEnd(p, pi) : -1;
        return end < 0 ? pc == c : inClass(p, pi + 1, end, c);
    }

    private static int next(String p, int pi) {
        int end = p.charAt(pi) == '[' ? classEnd(p, pi) : -1;
        return end < 0 ? pi + 1 : end + 1;
    }

    /** Index of the ']' closing the class opened at {@code open}; a ']' right after the opening is literal. */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        return p.indexOf(']', i);
    }

    private static boolean inClass(String p, int from, int end, char c) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            char lo = p.charAt(i);
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                found |= lo <= c && c <= p.charAt(i + 2);
                i += 3;
            } else {
                found |= lo == c;
                i++;
            }
        }
        return found != negate;
    }
}
