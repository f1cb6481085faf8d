package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * entry3 (RFC 1813 §3.3.16): a name in a directory, its file id and the cookie from which a READDIR resumes
 * after it.
 */
public record Entry3(long fileid, Filename3 name, long cookie) implements DirEntry3 {
    public Entry3 {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int encodedSize() {
        return directorySize();
    }
}
