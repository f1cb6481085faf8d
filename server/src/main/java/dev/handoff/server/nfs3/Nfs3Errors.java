package dev.handoff.server.nfs3;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.nfs3.xdr.Nfs3Status;

/** The one mapping from the file system's errno values to nfsstat3 (RFC 1813 §2.6). */
public final class Nfs3Errors {
    private Nfs3Errors() {
    }

    /**
     * The status for {@code errno}. Values RFC 1813 names map to their namesake. Others follow knfsd's
     * {@code nfserrno()} and {@code nfsd3_map_status()}: EBADF is a handle whose file is gone (STALE); ELOOP
     * comes from opening a symbolic link where a file was meant, which NFSv3 can only call INVAL; EAGAIN and
     * ENOMEM are passing conditions, so JUKEBOX makes the client retry later. Anything else is
     * NFS3ERR_SERVERFAULT: the server failed, not the caller.
     */
    public static Nfs3Status of(int errno) {
        return switch (errno) {
            case Errno.EPERM -> Nfs3Status.NFS3ERR_PERM;
            case Errno.ENOENT -> Nfs3Status.NFS3ERR_NOENT;
            case Errno.EIO -> Nfs3Status.NFS3ERR_IO;
            case Errno.ENXIO -> Nfs3Status.NFS3ERR_NXIO;
            case Errno.EACCES -> Nfs3Status.NFS3ERR_ACCES;
            // A busy mount point or running executable: a refusal the client should report, not retry.
            case Errno.EBUSY, Errno.ETXTBSY -> Nfs3Status.NFS3ERR_ACCES;
            case Errno.EEXIST -> Nfs3Status.NFS3ERR_EXIST;
            case Errno.EXDEV -> Nfs3Status.NFS3ERR_XDEV;
            case Errno.ENODEV -> Nfs3Status.NFS3ERR_NODEV;
            case Errno.ENOTDIR -> Nfs3Status.NFS3ERR_NOTDIR;
            case Errno.EISDIR -> Nfs3Status.NFS3ERR_ISDIR;
            case Errno.EINVAL, Errno.ELOOP -> Nfs3Status.NFS3ERR_INVAL;
            case Errno.EFBIG -> Nfs3Status.NFS3ERR_FBIG;
            case Errno.ENOSPC -> Nfs3Status.NFS3ERR_NOSPC;
            case Errno.EROFS -> Nfs3Status.NFS3ERR_ROFS;
            case Errno.EMLINK -> Nfs3Status.NFS3ERR_MLINK;
            case Errno.ENAMETOOLONG -> Nfs3Status.NFS3ERR_NAMETOOLONG;
            case Errno.ENOTEMPTY -> Nfs3Status.NFS3ERR_NOTEMPTY;
            case Errno.EDQUOT -> Nfs3Status.NFS3ERR_DQUOT;
            case Errno.ESTALE, Errno.EBADF -> Nfs3Status.NFS3ERR_STALE;
            case Errno.EOPNOTSUPP, Errno.ENOSYS -> Nfs3Status.NFS3ERR_NOTSUPP;
            case Errno.EAGAIN, Errno.ENOMEM -> Nfs3Status.NFS3ERR_JUKEBOX;
            default -> Nfs3Status.NFS3ERR_SERVERFAULT;
        };
    }
}
