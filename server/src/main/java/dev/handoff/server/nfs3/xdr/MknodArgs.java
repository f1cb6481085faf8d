package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** MKNOD3args (RFC 1813 §3.3.11). */
public record MknodArgs(DirOpArgs3 where, MknodData3 what) {
    public MknodArgs {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
    }
}
