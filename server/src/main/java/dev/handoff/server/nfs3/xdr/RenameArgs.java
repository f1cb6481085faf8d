package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** RENAME3args (RFC 1813 §3.3.14). */
public record RenameArgs(DirOpArgs3 from, DirOpArgs3 to) {
    public RenameArgs {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
