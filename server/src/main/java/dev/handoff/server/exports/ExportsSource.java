package dev.handoff.server.exports;

import java.nio.file.Path;

/**
 * Exports text and the name its errors are reported under.
 *
 * @param name a file name, or {@code --export} for a directory given on the command line
 */
public record ExportsSource(String name, String text) {
    public static final String COMMAND_LINE = "--export";

    /** {@code --export DIR}: short for the line {@code DIR *(rw)}; a relative DIR is taken from the cwd. */
    public static ExportsSource commandLine(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        return new ExportsSource(COMMAND_LINE, ExportsLexer.escape(path) + " *(rw)\n");
    }
}
