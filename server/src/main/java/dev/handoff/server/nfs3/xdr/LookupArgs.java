package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** LOOKUP3args (RFC 1813 §3.3.3). */
public record LookupArgs(DirOpArgs3 what) {
    public LookupArgs {
        Objects.requireNonNull(what, "what");
    }
}
