package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** FSINFO3args (RFC 1813 §3.3.19). */
public record FsinfoArgs(FileHandle3 fsroot) {
    public FsinfoArgs {
        Objects.requireNonNull(fsroot, "fsroot");
    }
}
