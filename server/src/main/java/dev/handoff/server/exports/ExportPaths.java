package dev.handoff.server.exports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Export paths as the table keys them: absolute, without {@code .} or {@code ..} (which would make the
 * table's idea of a path differ from the file system's once symbolic links are involved), with repeated and
 * trailing slashes removed. The same rule serves the exports file and the directory a MOUNT call names.
 */
public final class ExportPaths {
    private ExportPaths() {
    }

    /** The normalized path, or empty if {@code text} is not an acceptable export path. */
    public static Optional<Path> normalize(String text) {
        return normalize(text, problem -> { });
    }

    static Optional<Path> normalize(String text, Consumer<String> problem) {
        if (!text.startsWith("/")) {
            problem.accept("export path '" + text + "' must be absolute");
            return Optional.empty();
        }
        if (text.indexOf('\0') >= 0) {
            problem.accept("export path contains a NUL character");
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                problem.accept("export path '" + text + "' must not contain '.' or '..'");
                return Optional.empty();
            }
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return Optional.of(Path.of("/" + String.join("/", parts)));
    }
}
