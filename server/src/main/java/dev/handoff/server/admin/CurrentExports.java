package dev.handoff.server.admin;

import java.util.List;

/** The answer to {@code GET /v1/exports}: the exports in force, in file order. */
public record CurrentExports(List<ExportView> exports) {
    public CurrentExports {
        exports = List.copyOf(exports);
    }
}
