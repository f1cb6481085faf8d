package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** RMDIR3args (RFC 1813 §3.3.13). */
public record RmdirArgs(DirOpArgs3 object) {
    public RmdirArgs {
        Objects.requireNonNull(object, "object");
    }
}
