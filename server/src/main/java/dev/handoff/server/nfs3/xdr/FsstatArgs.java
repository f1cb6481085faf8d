package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** FSSTAT3args (RFC 1813 §3.3.18). */
public record FsstatArgs(FileHandle3 fsroot) {
    public FsstatArgs {
        Objects.requireNonNull(fsroot, "fsroot");
    }
}
