package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** GETATTR3args (RFC 1813 §3.3.1). */
public record GetattrArgs(FileHandle3 object) {
    public GetattrArgs {
        Objects.requireNonNull(object, "object");
    }
}
