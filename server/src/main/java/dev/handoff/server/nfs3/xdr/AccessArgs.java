package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** ACCESS3args (RFC 1813 §3.3.4): the permissions the client asks about, as a mask of the ACCESS3_ bits. */
public record AccessArgs(FileHandle3 object, int access) {
    public static final int ACCESS3_READ = 0x0001;
    public static final int ACCESS3_LOOKUP = 0x0002;
    public static final int ACCESS3_MODIFY = 0x0004;
    public static final int ACCESS3_EXTEND = 0x0008;
    public static final int ACCESS3_DELETE = 0x0010;
    public static final int ACCESS3_EXECUTE = 0x0020;

    public AccessArgs {
        Objects.requireNonNull(object, "object");
    }
}
