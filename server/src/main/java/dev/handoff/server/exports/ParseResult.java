package dev.handoff.server.exports;

import java.util.List;

/** What parsing exports text (or a reload) gave: a table to use, or the errors that forbid it. */
public sealed interface ParseResult {
    List<ExportsError> errors();

    /** Problems that do not stop the table from being used, to be logged (exportfs prints the same). */
    List<ExportsError> warnings();

    record Parsed(ExportTable table, List<ExportsError> warnings) implements ParseResult {
        public Parsed {
            warnings = List.copyOf(warnings);
        }

        @Override
        public List<ExportsError> errors() {
            return List.of();
        }
    }

    record Rejected(List<ExportsError> errors, List<ExportsError> warnings) implements ParseResult {
        public Rejected {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }
}
