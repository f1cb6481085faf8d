package dev.handoff.server.mount.xdr;

/**
 * mountstat3 (RFC 1813 appendix I.3). MOUNT v1's fhstatus carries a UNIX errno instead; the values below are
 * the same errnos, so v1 answers use them too.
 */
public enum MountStatus {
    MNT3_OK(0),
    MNT3ERR_PERM(1),
    MNT3ERR_NOENT(2),
    MNT3ERR_IO(5),
    MNT3ERR_ACCES(13),
    MNT3ERR_NOTDIR(20),
    MNT3ERR_INVAL(22),
    MNT3ERR_NAMETOOLONG(63),
    MNT3ERR_NOTSUPP(10004),
    MNT3ERR_SERVERFAULT(10006);

    private final int value;

    MountStatus(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The status with this wire value, or null. */
    public static MountStatus of(int value) {
        for (MountStatus s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return null;
    }

    static MountStatus requireError(MountStatus status) {
        if (status == null || status == MNT3_OK) {
            throw new IllegalArgumentException("a failure needs an error status, got " + status);
        }
        return status;
    }
}
