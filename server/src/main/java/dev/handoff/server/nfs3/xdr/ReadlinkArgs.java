package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** READLINK3args (RFC 1813 §3.3.5). */
public record ReadlinkArgs(FileHandle3 symlink) {
    public ReadlinkArgs {
        Objects.requireNonNull(symlink, "symlink");
    }
}
