package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** diropargs3 (RFC 1813 §2.6): a name in a directory, the target of LOOKUP, CREATE, REMOVE and the like. */
public record DirOpArgs3(FileHandle3 dir, Filename3 name) {
    public DirOpArgs3 {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(name, "name");
    }
}
