package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** READ3args (RFC 1813 §3.3.6). {@code offset} is a uint64, {@code count} the unsigned count3 as asked. */
public record ReadArgs(FileHandle3 file, long offset, long count) {
    public ReadArgs {
        Objects.requireNonNull(file, "file");
    }
}
