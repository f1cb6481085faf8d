package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * fattr3 (RFC 1813 §2.6): the attributes of a file. {@code mode}, {@code nlink}, {@code uid} and {@code gid}
 * are uint32 bit patterns; {@code size}, {@code used}, {@code fsid} and {@code fileid} are uint64 in a long.
 */
public record Fattr3(FileType3 type, int mode, int nlink, int uid, int gid, long size, long used, SpecData3 rdev,
                     long fsid, long fileid, NfsTime3 atime, NfsTime3 mtime, NfsTime3 ctime) {
    /** Bytes of one fattr3 on the wire: five uint32 and eight 8-byte items. */
    public static final int ENCODED_SIZE = 5 * 4 + 8 * 8;

    public Fattr3 {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rdev, "rdev");
        Objects.requireNonNull(atime, "atime");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(ctime, "ctime");
    }

    /** The subset that WRITE-style replies carry as pre-operation attributes (RFC 1813 §2.6, wcc_attr). */
    public WccAttr toWccAttr() {
        return new WccAttr(size, mtime, ctime);
    }
}
