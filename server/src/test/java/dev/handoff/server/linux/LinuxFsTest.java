package dev.handoff.server.linux;

import static dev.handoff.server.linux.OpenFlags.O_CREAT;
import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_EXCL;
import static dev.handoff.server.linux.OpenFlags.O_NOFOLLOW;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.OpenFlags.O_WRONLY;
import static dev.handoff.server.linux.TestFiles.assertErrno;
import static dev.handoff.server.linux.TestFiles.b;
import static dev.handoff.server.linux.TestFiles.exists;
import static dev.handoff.server.linux.TestFiles.open;
import static dev.handoff.server.linux.TestFiles.openDir;
import static dev.handoff.server.linux.TestFiles.stat;
import static dev.handoff.server.linux.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxFsTest {
    @TempDir
    Path tmp;
    Fd dir;

    @BeforeEach
    void openTempDir() throws ErrnoException {
        dir = openDir(tmp);
    }

    @AfterEach
    void closeTempDir() throws ErrnoException {
        dir.close();
    }

    @Test
    void createsExclusivelyAndReportsEexistTheSecondTime() throws Exception {
        LinuxFs.openat(dir, b("f"), O_WRONLY | O_CREAT | O_EXCL, 0600).close();

        assertThat(Files.isRegularFile(tmp.resolve("f"))).isTrue();
        assertErrno(Errno.EEXIST, () -> LinuxFs.openat(dir, b("f"), O_WRONLY | O_CREAT | O_EXCL, 0600));
        assertErrno(Errno.ENOENT, () -> open(dir, "missing", O_RDONLY));
    }

    @Test
    void opensASymlinkItselfWithOpathAndNofollowButRefusesToFollowItOtherwise() throws Exception {
        write(dir, "target", "data");
        LinuxFs.symlinkat(b("target"), dir, b("link"));

        try (Fd link = open(dir, "link", O_PATH | O_NOFOLLOW)) {
            assertThat(LinuxAttrs.statx(link).type()).isEqualTo(FileType.SYMLINK);
            assertThat(LinuxFs.readlinkat(link, new byte[0])).isEqualTo(b("target"));
        }
        assertErrno(Errno.ELOOP, () -> open(dir, "link", O_RDONLY | O_NOFOLLOW));
    }

    @Test
    void odirectoryRefusesARegularFile() throws Exception {
        write(dir, "file", "");
        LinuxFs.mkdirat(dir, b("sub"), 0755);

        assertErrno(Errno.ENOTDIR, () -> open(dir, "file", O_RDONLY | O_DIRECTORY));
        try (Fd sub = open(dir, "sub", O_PATH | O_DIRECTORY)) {
            assertThat(LinuxAttrs.statx(sub).type()).isEqualTo(FileType.DIRECTORY);
        }
    }

    @Test
    void closesOnceAndRefusesToHandOutAClosedNumber() throws Exception {
        Fd fd = open(dir, ".", O_PATH);
        fd.close();
        fd.close();

        assertThat(fd.isClosed()).isTrue();
        assertThatThrownBy(fd::value).isInstanceOf(IllegalStateException.class);
        assertErrno(Errno.EBADF, () -> LinuxFs.close(Integer.MAX_VALUE));
    }

    @Test
    void refusesNamesWithNulOrBeyondPathMaxBeforeCallingTheKernel() {
        assertErrno(Errno.EINVAL, () -> open(dir, "a\0b", O_RDONLY));
        byte[] tooLong = new byte[Native.PATH_MAX];
        Arrays.fill(tooLong, (byte) 'x');
        assertErrno(Errno.ENAMETOOLONG, () -> LinuxFs.openat(dir, tooLong, O_RDONLY, 0));
        byte[] longName = new byte[256];
        Arrays.fill(longName, (byte) 'y');
        assertErrno(Errno.ENAMETOOLONG, () -> LinuxFs.mkdirat(dir, longName, 0755)); // the kernel's NAME_MAX
    }

    @Test
    void makesDirectoriesAndFifos() throws Exception {
        LinuxFs.mkdirat(dir, b("d"), 0700);
        LinuxFs.mknodat(dir, b("fifo"), FileType.FIFO.modeBits() | 0640, 0);

        assertThat(stat(dir, "d").type()).isEqualTo(FileType.DIRECTORY);
        assertThat(stat(dir, "d").mode()).isEqualTo(0700);
        assertThat(stat(dir, "fifo").type()).isEqualTo(FileType.FIFO);
        assertErrno(Errno.EEXIST, () -> LinuxFs.mkdirat(dir, b("d"), 0700));
    }

    @Test
    void makesACharacterDeviceWithItsMajorAndMinor() throws Exception {
        TestFiles.assumeRoot(); // CAP_MKNOD
        LinuxFs.mknodat(dir, b("null"), FileType.CHAR_DEVICE.modeBits() | 0666, LinuxFs.makedev(1, 3));

        Statx st = stat(dir, "null");
        assertThat(st.type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(st.rdevMajor()).isEqualTo(1);
        assertThat(st.rdevMinor()).isEqualTo(3);
    }

    @Test
    void encodesDeviceNumbersAsGlibcDoes() {
        assertThat(LinuxFs.makedev(1, 3)).isEqualTo(0x103L);
        assertThat(LinuxFs.makedev(8, 17)).isEqualTo(0x811L);
        assertThat(LinuxFs.makedev(0x12345, 0x6789a)).isEqualTo(0x0001_2000_6783_459aL); // from sys/sysmacros.h
    }

    @Test
    void storesSymlinkTargetsAsBytesWithoutResolvingThem() throws Exception {
        byte[] target = {'n', 'o', '-', (byte) 0xff, '/', 'w', 'h', 'e', 'r', 'e'};
        LinuxFs.symlinkat(target, dir, b("dangling"));

        assertThat(LinuxFs.readlinkat(dir, b("dangling"))).isEqualTo(target);
        assertErrno(Errno.EINVAL, () -> LinuxFs.readlinkat(dir, b("."))); // not a link
    }

    @Test
    void hardLinksByNameAndCountsTheLinks() throws Exception {
        write(dir, "a", "x");
        LinuxFs.linkat(dir, b("a"), dir, b("b"), 0);

        assertThat(stat(dir, "a").nlink()).isEqualTo(2);
        assertThat(stat(dir, "b").ino()).isEqualTo(stat(dir, "a").ino());
        assertErrno(Errno.EEXIST, () -> LinuxFs.linkat(dir, b("a"), dir, b("b"), 0));
    }

    @Test
    void linksAnOpathDescriptorThroughAtEmptyPath() throws Exception {
        write(dir, "a", "x");
        try (Fd file = open(dir, "a", O_PATH)) {
            LinuxFs.linkFd(file, dir, b("via-fd"));
        }
        assertThat(stat(dir, "via-fd").ino()).isEqualTo(stat(dir, "a").ino());
    }

    @Test
    void linksThroughProcSelfFdWhenTheThreadMayNotUseAtEmptyPath() throws Exception {
        TestFiles.assumeRoot();
        LinuxAttrs.fchmod(dir, 0777);
        write(dir, "a", "x");
        LinuxAttrs.fchownat(dir, b("a"), 1000, 1000, 0);
        try (Fd file = open(dir, "a", O_PATH);
                ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[0])) {
            // No CAP_DAC_READ_SEARCH now, and the fd was opened as root: AT_EMPTY_PATH alone gives ENOENT.
            assertErrno(Errno.ENOENT, () -> LinuxFs.linkat(file, new byte[0], dir, b("direct"), AtFlags.AT_EMPTY_PATH));
            LinuxFs.linkFd(file, dir, b("via-proc"));
        }
        assertThat(stat(dir, "via-proc").ino()).isEqualTo(stat(dir, "a").ino());
        assertThat(exists(dir, "direct")).isFalse();
    }

    @Test
    void unlinksFilesAndEmptyDirectoriesWithTheRightErrors() throws Exception {
        write(dir, "f", "");
        LinuxFs.mkdirat(dir, b("empty"), 0755);
        LinuxFs.mkdirat(dir, b("full"), 0755);
        try (Fd full = open(dir, "full", O_RDONLY | O_DIRECTORY)) {
            write(full, "inside", "");
        }

        assertErrno(Errno.EISDIR, () -> LinuxFs.unlinkat(dir, b("empty"), 0));
        assertErrno(Errno.ENOTDIR, () -> LinuxFs.unlinkat(dir, b("f"), AtFlags.AT_REMOVEDIR));
        assertErrno(Errno.ENOTEMPTY, () -> LinuxFs.unlinkat(dir, b("full"), AtFlags.AT_REMOVEDIR));
        LinuxFs.unlinkat(dir, b("f"), 0);
        LinuxFs.unlinkat(dir, b("empty"), AtFlags.AT_REMOVEDIR);
        assertThat(exists(dir, "f")).isFalse();
        assertThat(exists(dir, "empty")).isFalse();
        assertErrno(Errno.ENOENT, () -> LinuxFs.unlinkat(dir, b("f"), 0));
    }

    @Test
    void renameReplacesUnlessNoreplaceIsGiven() throws Exception {
        write(dir, "a", "first");
        write(dir, "b", "second");
        long inoA = stat(dir, "a").ino();

        assertErrno(Errno.EEXIST, () -> LinuxFs.renameat2(dir, b("a"), dir, b("b"), AtFlags.RENAME_NOREPLACE));
        LinuxFs.renameat2(dir, b("a"), dir, b("c"), AtFlags.RENAME_NOREPLACE);
        LinuxFs.renameat2(dir, b("c"), dir, b("b"), 0);

        assertThat(exists(dir, "a")).isFalse();
        assertThat(exists(dir, "c")).isFalse();
        assertThat(stat(dir, "b").ino()).isEqualTo(inoA);
    }

    @Test
    void renameOfADirectoryOverANonEmptyOneFails() throws Exception {
        LinuxFs.mkdirat(dir, b("src"), 0755);
        LinuxFs.mkdirat(dir, b("dst"), 0755);
        try (Fd dst = open(dir, "dst", O_RDONLY | O_DIRECTORY)) {
            write(dst, "x", "");
        }
        assertErrno(Errno.ENOTEMPTY, () -> LinuxFs.renameat2(dir, b("src"), dir, b("dst"), 0));
    }
}
