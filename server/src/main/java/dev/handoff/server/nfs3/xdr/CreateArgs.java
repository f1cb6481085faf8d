package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** CREATE3args (RFC 1813 §3.3.8). */
public record CreateArgs(DirOpArgs3 where, CreateHow3 how) {
    public CreateArgs {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(how, "how");
    }
}
