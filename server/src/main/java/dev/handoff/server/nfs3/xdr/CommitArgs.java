package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** COMMIT3args (RFC 1813 §3.3.21). A {@code count} of 0 means from {@code offset} to the end of the file. */
public record CommitArgs(FileHandle3 file, long offset, long count) {
    public CommitArgs {
        Objects.requireNonNull(file, "file");
    }
}
