package dev.handoff.server.exports;

/**
 * A problem found in an exports file, at a line (1-based; 0 when it concerns the whole file, such as an
 * unreadable one). The same shape serves errors, which reject the file, and warnings, which do not.
 *
 * @param file the file name, or {@code --export} for a directory given on the command line
 */
public record ExportsError(String file, int line, String message) {
    /** {@code file:line: message}, as compilers and exportfs print it. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
