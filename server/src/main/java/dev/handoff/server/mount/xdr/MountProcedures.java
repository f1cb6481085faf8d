package dev.handoff.server.mount.xdr;

/**
 * Procedure numbers of MOUNT versions 1 and 3 (RFC 1813 appendix I.4, RFC 1094 appendix A.5); both versions
 * number them alike.
 */
public final class MountProcedures {
    public static final int MOUNTPROC_NULL = 0;
    public static final int MOUNTPROC_MNT = 1;
    public static final int MOUNTPROC_DUMP = 2;
    public static final int MOUNTPROC_UMNT = 3;
    public static final int MOUNTPROC_UMNTALL = 4;
    public static final int MOUNTPROC_EXPORT = 5;

    private MountProcedures() {
    }
}
