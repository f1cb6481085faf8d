package dev.handoff.server.cli;

import java.util.List;

/** Rows as left-aligned columns two spaces apart, as the CLI's tables print them. Pure. */
final class TextColumns {
    private TextColumns() {
    }

    /** Appends {@code rows} (the first the header), each indented by {@code indent}, trailing blanks cut. */
    static void append(StringBuilder out, String indent, List<List<String>> rows) {
        int[] width = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder l = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                l.append(row.get(i)).append(" ".repeat(width[i] - row.get(i).length() + 2));
            }
            line(out, l.toString().stripTrailing());
        }
    }

    static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }

    /** A field an older or partial answer left out shows as a dash rather than failing the whole table. */
    static String text(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
