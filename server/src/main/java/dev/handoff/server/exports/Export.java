package dev.handoff.server.exports;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * One exported directory.
 *
 * @param path     absolute and normalized (no {@code .}, {@code ..}, repeated or trailing slashes)
 * @param exportId the id file handles carry ({@link ExportIds})
 * @param rules    in decision order: by {@link ClientMatcher.Kind} precedence, then as written; the constructor
 *                 sorts them (stably), so every way of building an export decides alike
 */
public record Export(Path path, int exportId, List<ClientRule> rules) {
    public Export {
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("export path must be absolute: " + path);
        }
        rules = rules.stream().sorted(Comparator.comparing(r -> r.matcher().kind())).toList();
    }

    /** The export as one exports(5) line that parses back to an equal export. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(ExportsLexer.escape(path.toString()));
        String fsid = ExportIds.isExplicit(exportId) ? ",fsid=" + exportId : "";
        for (ClientRule rule : rules) {
            line.append(' ').append(rule.matcher().spec()).append('(').append(rule.options()).append(fsid)
                    .append(')');
        }
        return line.toString();
    }
}
