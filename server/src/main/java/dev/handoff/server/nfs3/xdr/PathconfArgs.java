package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** PATHCONF3args (RFC 1813 §3.3.20). */
public record PathconfArgs(FileHandle3 object) {
    public PathconfArgs {
        Objects.requireNonNull(object, "object");
    }
}
