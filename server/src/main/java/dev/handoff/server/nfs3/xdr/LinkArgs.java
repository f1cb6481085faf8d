package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** LINK3args (RFC 1813 §3.3.15): a new name {@code link} for {@code file}. */
public record LinkArgs(FileHandle3 file, DirOpArgs3 link) {
    public LinkArgs {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(link, "link");
    }
}
