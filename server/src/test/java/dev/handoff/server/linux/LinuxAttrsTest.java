package dev.handoff.server.linux;

import static dev.handoff.server.linux.OpenFlags.O_NOFOLLOW;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.OpenFlags.O_RDWR;
import static dev.handoff.server.linux.TestFiles.assertErrno;
import static dev.handoff.server.linux.TestFiles.b;
import static dev.handoff.server.linux.TestFiles.open;
import static dev.handoff.server.linux.TestFiles.openDir;
import static dev.handoff.server.linux.TestFiles.stat;
import static dev.handoff.server.linux.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxAttrsTest {
    private static final byte[] EMPTY = new byte[0];

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
    void statxAgreesWithTheJdksUnixViewOfTheSameFile() throws Exception {
        write(dir, "f", "twelve bytes");
        LinuxAttrs.fchmodat(dir, b("f"), 04640, 0);

        Statx st = stat(dir, "f");
        Map<String, Object> unix = Files.readAttributes(tmp.resolve("f"), "unix:*", LinkOption.NOFOLLOW_LINKS);

        assertThat(st.has(Statx.STATX_BASIC_STATS)).isTrue();
        assertThat(st.type()).isEqualTo(FileType.REGULAR);
        assertThat(st.mode()).isEqualTo(04640);
        assertThat(st.mode() | FileType.REGULAR.modeBits()).isEqualTo(unix.get("mode"));
        assertThat(st.nlink()).isEqualTo(((Integer) unix.get("nlink")).longValue());
        assertThat(st.uid()).isEqualTo(unix.get("uid"));
        assertThat(st.gid()).isEqualTo(unix.get("gid"));
        assertThat(st.size()).isEqualTo(12).isEqualTo(unix.get("size"));
        assertThat(st.ino()).isEqualTo(unix.get("ino"));
        assertThat(LinuxFs.makedev(st.devMajor(), st.devMinor())).isEqualTo(unix.get("dev"));
        assertThat(st.mtime()).isEqualTo(((FileTime) unix.get("lastModifiedTime")).toInstant());
        assertThat(st.atime()).isEqualTo(((FileTime) unix.get("lastAccessTime")).toInstant());
        assertThat(st.ctime()).isEqualTo(((FileTime) unix.get("ctime")).toInstant());
        assertThat(st.mountId()).isPositive();
        assertThat(st.blockSize()).isPositive();
    }

    @Test
    void usedBytesCountsAllocatedBlocksNotTheLength() throws Exception {
        try (Fd fd = LinuxFs.openat(dir, b("sparse"), O_RDWR | OpenFlags.O_CREAT, 0644)) {
            LinuxAttrs.ftruncate(fd, 1 << 20);
            Statx sparse = LinuxAttrs.statx(fd);
            assertThat(sparse.size()).isEqualTo(1 << 20);
            assertThat(sparse.usedBytes()).isLessThan(1 << 20);
        }
        write(dir, "dense", "x".repeat(10_000));
        assertThat(stat(dir, "dense").usedBytes()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void ftruncateNeedsADescriptorOpenForWriting() throws Exception {
        write(dir, "f", "content");
        try (Fd fd = open(dir, "f", O_RDONLY)) {
            assertThatThrownBy(() -> LinuxAttrs.ftruncate(fd, 0))
                    .isInstanceOfSatisfying(ErrnoException.class,
                            e -> assertThat(e.errno()).isIn(Errno.EINVAL, Errno.EBADF));
        }
    }

    @Test
    void chmodsThroughTheDescriptorOrThroughProcForAnOpathDescriptor() throws Exception {
        write(dir, "f", "");
        try (Fd fd = open(dir, "f", O_RDONLY)) {
            LinuxAttrs.fchmod(fd, 0600);
        }
        assertThat(stat(dir, "f").mode()).isEqualTo(0600);

        try (Fd path = open(dir, "f", O_PATH)) {
            assertErrno(Errno.EBADF, () -> LinuxAttrs.fchmod(path, 0640));
            LinuxAttrs.fchmodat(Fd.CWD, path.procPath(), 0640, 0);
        }
        assertThat(stat(dir, "f").mode()).isEqualTo(0640);
    }

    @Test
    void symlinksHaveNoModeToChange() throws Exception {
        LinuxFs.symlinkat(b("anywhere"), dir, b("link"));
        assertErrno(Errno.EOPNOTSUPP,
                () -> LinuxAttrs.fchmodat(dir, b("link"), 0600, AtFlags.AT_SYMLINK_NOFOLLOW));
    }

    @Test
    void chownsAnOpathDescriptorAndASymlinkItself() throws Exception {
        TestFiles.assumeRoot(); // CAP_CHOWN
        write(dir, "f", "");
        LinuxFs.symlinkat(b("f"), dir, b("link"));
        int gid = stat(dir, "f").gid();

        try (Fd path = open(dir, "f", O_PATH)) {
            LinuxAttrs.fchownat(path, EMPTY, 1000, -1, AtFlags.AT_EMPTY_PATH);
        }
        LinuxAttrs.fchownat(dir, b("link"), 2000, 2001, AtFlags.AT_SYMLINK_NOFOLLOW);

        assertThat(stat(dir, "f").uid()).isEqualTo(1000);
        assertThat(stat(dir, "f").gid()).isEqualTo(gid);
        assertThat(stat(dir, "link").uid()).isEqualTo(2000);
        assertThat(stat(dir, "link").gid()).isEqualTo(2001);
    }

    @Test
    void setsGivenTimesWithNanosecondsAndLeavesOmittedOnesAlone() throws Exception {
        write(dir, "f", "");
        Instant atime = stat(dir, "f").atime();
        Instant given = Instant.parse("2001-09-09T01:46:40.123456789Z");

        try (Fd path = open(dir, "f", O_PATH)) {
            LinuxAttrs.setTimes(path, TimeSet.OMIT, TimeSet.at(given));
        }

        assertThat(stat(dir, "f").mtime()).isEqualTo(given);
        assertThat(stat(dir, "f").atime()).isEqualTo(atime);
    }

    @Test
    void setsTheServersTimeThroughProcForAnOpathDescriptor() throws Exception {
        write(dir, "f", "");
        Instant old = Instant.parse("1999-01-01T00:00:00Z");
        LinuxAttrs.utimensat(dir, b("f"), TimeSet.at(old), TimeSet.at(old), 0);
        Instant before = Instant.now();

        try (Fd path = open(dir, "f", O_PATH)) {
            LinuxAttrs.utimensat(Fd.CWD, path.procPath(), TimeSet.NOW, TimeSet.OMIT, 0);
        }

        Statx st = stat(dir, "f");
        // The kernel stamps with its coarse clock, which may lag Instant.now() by a tick.
        assertThat(st.atime()).isBetween(before.minus(Duration.ofSeconds(1)), Instant.now());
        assertThat(st.mtime()).isEqualTo(old);
    }

    @Test
    void setsTheTimesOfASymlinkItself() throws Exception {
        write(dir, "target", "");
        LinuxFs.symlinkat(b("target"), dir, b("link"));
        Instant given = Instant.parse("2010-01-01T00:00:00.5Z");

        try (Fd link = open(dir, "link", O_PATH | O_NOFOLLOW)) {
            LinuxAttrs.setTimes(link, TimeSet.at(given), TimeSet.at(given));
        }

        assertThat(stat(dir, "link").mtime()).isEqualTo(given);
        assertThat(stat(dir, "target").mtime()).isNotEqualTo(given);
    }

    @Test
    void reportsTheFileSystemsSizeAndLimitsEvenForAnOpathDescriptor() throws Exception {
        try (Fd path = open(dir, ".", O_PATH)) {
            StatVfs vfs = LinuxAttrs.fstatvfs(path);

            assertThat(vfs.nameMax()).isEqualTo(255);
            assertThat(vfs.fragmentSize()).isPositive();
            assertThat(vfs.blocks()).isGreaterThanOrEqualTo(vfs.freeBlocks());
            assertThat(vfs.freeBlocks()).isGreaterThanOrEqualTo(vfs.availBlocks());
            assertThat(vfs.files()).isGreaterThanOrEqualTo(vfs.freeFiles());
            assertThat(vfs.totalBytes()).isEqualTo(vfs.blocks() * vfs.fragmentSize());
            assertThat(vfs.readOnly()).isFalse();
        }
    }

    @Test
    void statOfAMissingNameIsEnoent() {
        assertErrno(Errno.ENOENT, () -> stat(dir, "missing"));
    }
}
