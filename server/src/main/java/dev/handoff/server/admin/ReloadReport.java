package dev.handoff.server.admin;

import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.exports.ParseResult;
import java.util.List;

/**
 * The outcome of a reload: whether the new table is in force, the problems found, and the exports in force
 * afterwards (the previous ones when the reload was rejected).
 */
public record ReloadReport(boolean ok, List<Problem> errors, List<Problem> warnings, List<ExportView> exports) {
    public ReloadReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        exports = List.copyOf(exports);
    }

    static ReloadReport of(ParseResult result, ExportTable inForce) {
        return new ReloadReport(result instanceof ParseResult.Parsed,
                result.errors().stream().map(Problem::of).toList(),
                result.warnings().stream().map(Problem::of).toList(),
                ExportView.of(inForce));
    }
}
