package dev.handoff.server.mount.xdr;

import java.util.Objects;

/** mountbody (RFC 1813 appendix I.4.2): a client host and a path it mounted, as DUMP lists them. */
public record MountEntry(String hostname, String directory) {
    public MountEntry {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(directory, "directory");
    }
}
