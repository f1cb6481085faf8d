package dev.handoff.server.mount.xdr;

import java.util.List;
import java.util.Objects;

/**
 * exportnode (RFC 1813 appendix I.4.5): an exported path and the groups (hosts, netgroups, networks) allowed
 * to mount it; an empty list means everyone, as {@code showmount -e} prints "(everyone)".
 */
public record ExportEntry(String directory, List<String> groups) {
    public ExportEntry {
        Objects.requireNonNull(directory, "directory");
        groups = List.copyOf(groups);
    }
}
