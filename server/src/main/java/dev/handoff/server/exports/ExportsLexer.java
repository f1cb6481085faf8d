package dev.handoff.server.exports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Splits exports text into logical lines of tokens, as nfs-utils reads /etc/exports: blanks separate tokens;
 * a {@code #} where a token would start begins a comment to the end of the line (inside a token it is an
 * ordinary character); a backslash right before the end of a line continues the logical line, and reads as a
 * blank; double quotes protect blanks (and may cover part of a token, as in {@code /srv/"a b"});
 * {@code \ooo} (three octal digits) stands for one byte, as in {@code \040} for a space.
 * Tokens are decoded as UTF-8 after escapes are replaced, so escaped bytes may form non-ASCII names.
 */
final class ExportsLexer {
    /** PATH_MAX: no path, host name or option list is longer. */
    static final int MAX_TOKEN_BYTES = 4096;

    /** A token and the line it starts on. */
    record Token(String text, int line) {
    }

    private ExportsLexer() {
    }

    /** The logical lines of {@code text}, each a non-empty list of tokens; problems go to {@code error}. */
    static List<List<Token>> lex(String text, BiConsumer<Integer, String> error) {
        List<List<Token>> lines = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        ByteArrayOutputStream token = new ByteArrayOutputStream();
        boolean inToken = false;
        boolean inQuote = false;
        int tokenLine = 0;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && continuationLength(text, i + 1) > 0) {
                // As nfs-utils: the backslash, the line end and the next line's indent read as one blank.
                i += 1 + continuationLength(text, i + 1);
                line++;
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                if (inQuote) {
                    token.write(' ');
                } else if (inToken) {
                    finish(token, tokenLine, current, error);
                    inToken = false;
                }
                continue;
            }
            boolean blank = c == ' ' || c == '\t' || c == '\r';
            boolean comment = c == '#' && !inToken && !inQuote;
            if (c == '\n' || (!inQuote && blank) || comment) {
                if (c == '\n' && inQuote) {
                    error.accept(tokenLine, "unterminated quote");
                    inQuote = false;
                }
                if (inToken) {
                    finish(token, tokenLine, current, error);
                    inToken = false;
                }
                if (comment) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                    continue;
                }
                if (c == '\n') {
                    if (!current.isEmpty()) {
                        lines.add(List.copyOf(current));
                        current.clear();
                    }
                    line++;
                }
                i++;
                continue;
            }
            if (!inToken) {
                inToken = true;
                tokenLine = line;
                token.reset();
            }
            if (c == '"') {
                inQuote = !inQuote;
                i++;
            } else if (c == '\\' && isOctalEscape(text, i)) {
                token.write(Integer.parseInt(text, i + 1, i + 4, 8));
                i += 4;
            } else {
                int cp = text.codePointAt(i);
                token.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        if (inQuote) {
            error.accept(tokenLine, "unterminated quote");
        }
        if (inToken) {
            finish(token, tokenLine, current, error);
        }
        if (!current.isEmpty()) {
            lines.add(List.copyOf(current));
        }
        return lines;
    }

    /** Characters after a backslash that end the line (1 for LF, 2 for CR LF), else 0. */
    private static int continuationLength(String text, int at) {
        if (at < text.length() && text.charAt(at) == '\n') {
            return 1;
        }
        return text.startsWith("\r\n", at) ? 2 : 0;
    }

    private static boolean isOctalEscape(String text, int at) {
        if (at + 3 >= text.length()) {
            return false;
        }
        for (int k = at + 1; k <= at + 3; k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '7') {
                return false;
            }
        }
        return text.charAt(at + 1) <= '3'; // \400 and above do not fit a byte
    }

    private static void finish(ByteArrayOutputStream token, int line, List<Token> out,
                               BiConsumer<Integer, String> error) {
        if (token.size() > MAX_TOKEN_BYTES) {
            error.accept(line, "item longer than " + MAX_TOKEN_BYTES + " bytes");
            return;
        }
        out.add(new Token(token.toString(StandardCharsets.UTF_8), line));
    }

    /**
     * The text as one token that {@link #lex} gives back unchanged: blanks, quotes, {@code #}, backslashes,
     * parentheses and control characters become octal escapes.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp <= ' ' || cp == 0x7f || cp == '"' || cp == '#' || cp == '\\' || cp == '(' || cp == ')') {
                out.append('\\').append((char) ('0' + (cp >> 6))).append((char) ('0' + ((cp >> 3) & 7)))
                        .append((char) ('0' + (cp & 7)));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
