package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** SYMLINK3args (RFC 1813 §3.3.10), with symlinkdata3 flattened into {@code attributes} and {@code data}. */
public record SymlinkArgs(DirOpArgs3 where, Sattr3 attributes, Nfspath3 data) {
    public SymlinkArgs {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(data, "data");
    }
}
