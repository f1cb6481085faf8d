package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** REMOVE3args (RFC 1813 §3.3.12). */
public record RemoveArgs(DirOpArgs3 object) {
    public RemoveArgs {
        Objects.requireNonNull(object, "object");
    }
}
