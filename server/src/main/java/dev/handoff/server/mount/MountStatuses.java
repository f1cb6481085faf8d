package dev.handoff.server.mount;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.mount.xdr.MountStatus;

/** The status mapping of MOUNT: file-system errnos to mountstat3, and mountstat3 to v1's errno status. */
final class MountStatuses {
    private MountStatuses() {
    }

    /**
     * The status for a failed lookup or getattr while resolving the directory to mount. mountd answers
     * NOENT for a missing directory and ACCES for any other failure to reach it; the errnos that have a
     * mountstat3 of their own keep it, so the client's message names the real cause.
     */
    static MountStatus ofErrno(int errno) {
        return switch (errno) {
            case Errno.ENOENT, Errno.ESTALE -> MountStatus.MNT3ERR_NOENT;
            case Errno.EPERM -> MountStatus.MNT3ERR_PERM;
            case Errno.EIO -> MountStatus.MNT3ERR_IO;
            case Errno.ENOTDIR -> MountStatus.MNT3ERR_NOTDIR;
            case Errno.EINVAL -> MountStatus.MNT3ERR_INVAL;
            case Errno.ENAMETOOLONG -> MountStatus.MNT3ERR_NAMETOOLONG;
            default -> MountStatus.MNT3ERR_ACCES;
        };
    }

    /**
     * v1's fhstatus carries a UNIX errno (RFC 1094 A.3); the mountstat3 values beyond the errno range
     * (NOTSUPP, SERVERFAULT) become EIO.
     */
    static MountStatus forVersion1(MountStatus status) {
        return switch (status) {
            case MNT3ERR_NOTSUPP, MNT3ERR_SERVERFAULT -> MountStatus.MNT3ERR_IO;
            default -> status;
        };
    }
}
