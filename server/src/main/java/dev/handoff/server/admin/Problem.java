package dev.handoff.server.admin;

import dev.handoff.server.exports.ExportsError;

/**
 * An error or warning of a reload as the admin API reports it.
 *
 * @param line 1-based; 0 when it concerns the whole file (an unreadable file)
 */
public record Problem(String file, int line, String message) {
    public static Problem of(ExportsError e) {
        return new Problem(e.file(), e.line(), e.message());
    }

    /** {@code file:line: message}, as exportfs and compilers print it. */
    @Override
    public String toString() {
        return new ExportsError(file, line, message).toString();
    }
}
