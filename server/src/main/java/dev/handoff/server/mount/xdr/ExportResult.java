package dev.handoff.server.mount.xdr;

import java.util.List;

/** The result of EXPORT (RFC 1813 appendix I.4.5): exports, the list {@code showmount -e} prints. */
public record ExportResult(List<ExportEntry> exports) {
    public ExportResult {
        exports = List.copyOf(exports);
    }
}
