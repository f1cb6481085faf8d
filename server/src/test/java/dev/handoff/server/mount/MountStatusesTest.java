package dev.handoff.server.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.mount.xdr.MountStatus;
import org.junit.jupiter.api.Test;

class MountStatusesTest {
    @Test
    void errnosWithAMountstat3KeepItAndTheRestAreAccesAsWithMountd() {
        assertThat(MountStatuses.ofErrno(Errno.ENOENT)).isEqualTo(MountStatus.MNT3ERR_NOENT);
        assertThat(MountStatuses.ofErrno(Errno.ESTALE)).isEqualTo(MountStatus.MNT3ERR_NOENT);
        assertThat(MountStatuses.ofErrno(Errno.ENOTDIR)).isEqualTo(MountStatus.MNT3ERR_NOTDIR);
        assertThat(MountStatuses.ofErrno(Errno.ENAMETOOLONG)).isEqualTo(MountStatus.MNT3ERR_NAMETOOLONG);
        assertThat(MountStatuses.ofErrno(Errno.EIO)).isEqualTo(MountStatus.MNT3ERR_IO);
        assertThat(MountStatuses.ofErrno(Errno.EACCES)).isEqualTo(MountStatus.MNT3ERR_ACCES);
        assertThat(MountStatuses.ofErrno(Errno.ELOOP)).isEqualTo(MountStatus.MNT3ERR_ACCES);
    }

    @Test
    void version1CarriesOnlyErrnos() {
        assertThat(MountStatuses.forVersion1(MountStatus.MNT3ERR_SERVERFAULT)).isEqualTo(MountStatus.MNT3ERR_IO);
        assertThat(MountStatuses.forVersion1(MountStatus.MNT3ERR_NOTSUPP)).isEqualTo(MountStatus.MNT3ERR_IO);
        assertThat(MountStatuses.forVersion1(MountStatus.MNT3ERR_ACCES)).isEqualTo(MountStatus.MNT3ERR_ACCES);
    }
}
