package dev.handoff.server.nfs3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import org.junit.jupiter.api.Test;

class Nfs3ErrorsTest {
    @Test
    void everyErrnoThatRfc1813NamesMapsToItsNamesake() {
        int[][] pairs = {
            {Errno.EPERM, 1}, {Errno.ENOENT, 2}, {Errno.EIO, 5}, {Errno.ENXIO, 6}, {Errno.EACCES, 13},
            {Errno.EEXIST, 17}, {Errno.EXDEV, 18}, {Errno.ENODEV, 19}, {Errno.ENOTDIR, 20}, {Errno.EISDIR, 21},
            {Errno.EINVAL, 22}, {Errno.EFBIG, 27}, {Errno.ENOSPC, 28}, {Errno.EROFS, 30}, {Errno.EMLINK, 31},
            {Errno.ENAMETOOLONG, 63}, {Errno.ENOTEMPTY, 66}, {Errno.EDQUOT, 69}, {Errno.ESTALE, 70},
        };
        for (int[] pair : pairs) {
            assertThat(Nfs3Errors.of(pair[0]).value()).as(Errno.name(pair[0])).isEqualTo(pair[1]);
        }
    }

    @Test
    void linuxOnlyErrnosFollowKnfsd() {
        assertThat(Nfs3Errors.of(Errno.ELOOP)).isEqualTo(Nfs3Status.NFS3ERR_INVAL);
        assertThat(Nfs3Errors.of(Errno.EBADF)).isEqualTo(Nfs3Status.NFS3ERR_STALE);
        assertThat(Nfs3Errors.of(Errno.EOPNOTSUPP)).isEqualTo(Nfs3Status.NFS3ERR_NOTSUPP);
        assertThat(Nfs3Errors.of(Errno.EAGAIN)).isEqualTo(Nfs3Status.NFS3ERR_JUKEBOX);
        assertThat(Nfs3Errors.of(Errno.ENOMEM)).isEqualTo(Nfs3Status.NFS3ERR_JUKEBOX);
    }

    @Test
    void anythingElseIsAServerFault() {
        assertThat(Nfs3Errors.of(Errno.EFAULT)).isEqualTo(Nfs3Status.NFS3ERR_SERVERFAULT);
        assertThat(Nfs3Errors.of(Errno.EOVERFLOW)).isEqualTo(Nfs3Status.NFS3ERR_SERVERFAULT);
        assertThat(Nfs3Errors.of(0)).isEqualTo(Nfs3Status.NFS3ERR_SERVERFAULT);
        assertThat(Nfs3Errors.of(9999)).isEqualTo(Nfs3Status.NFS3ERR_SERVERFAULT);
    }
}
