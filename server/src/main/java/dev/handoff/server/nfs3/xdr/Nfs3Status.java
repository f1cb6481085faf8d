package dev.handoff.server.nfs3.xdr;

/** nfsstat3, every value of RFC 1813 §2.6. The first group mirrors the UNIX errno of the same name. */
public enum Nfs3Status {
    NFS3_OK(0),
    NFS3ERR_PERM(1),
    NFS3ERR_NOENT(2),
    NFS3ERR_IO(5),
    NFS3ERR_NXIO(6),
    NFS3ERR_ACCES(13),
    NFS3ERR_EXIST(17),
    NFS3ERR_XDEV(18),
    NFS3ERR_NODEV(19),
    NFS3ERR_NOTDIR(20),
    NFS3ERR_ISDIR(21),
    NFS3ERR_INVAL(22),
    NFS3ERR_FBIG(27),
    NFS3ERR_NOSPC(28),
    NFS3ERR_ROFS(30),
    NFS3ERR_MLINK(31),
    NFS3ERR_NAMETOOLONG(63),
    NFS3ERR_NOTEMPTY(66),
    NFS3ERR_DQUOT(69),
    NFS3ERR_STALE(70),
    NFS3ERR_REMOTE(71),
    NFS3ERR_BADHANDLE(10001),
    NFS3ERR_NOT_SYNC(10002),
    NFS3ERR_BAD_COOKIE(10003),
    NFS3ERR_NOTSUPP(10004),
    NFS3ERR_TOOSMALL(10005),
    NFS3ERR_SERVERFAULT(10006),
    NFS3ERR_BADTYPE(10007),
    NFS3ERR_JUKEBOX(10008);

    private final int value;

    Nfs3Status(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The status with this wire value, or null if RFC 1813 defines none. */
    public static Nfs3Status of(int value) {
        for (Nfs3Status s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return null;
    }

    /**
     * For the constructors of {@code Fail} results: a resfail arm with NFS3_OK would be encoded as a success
     * without its resok body, which a client reads as garbage.
     */
    static Nfs3Status requireError(Nfs3Status status) {
        if (status == null || status == NFS3_OK) {
            throw new IllegalArgumentException("a failure needs an error status, got " + status);
        }
        return status;
    }
}
