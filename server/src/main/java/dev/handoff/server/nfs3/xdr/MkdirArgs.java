package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** MKDIR3args (RFC 1813 §3.3.9). */
public record MkdirArgs(DirOpArgs3 where, Sattr3 attributes) {
    public MkdirArgs {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(attributes, "attributes");
    }
}
