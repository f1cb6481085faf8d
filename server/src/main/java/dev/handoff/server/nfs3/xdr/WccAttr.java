package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** wcc_attr (RFC 1813 §2.6): the attributes a client checks its cache against before an operation. */
public record WccAttr(long size, NfsTime3 mtime, NfsTime3 ctime) {
    public static final int ENCODED_SIZE = 8 + 8 + 8;

    public WccAttr {
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(ctime, "ctime");
    }
}
