package dev.handoff.server.linux;

import static dev.handoff.server.linux.OpenFlags.O_CREAT;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.OpenFlags.O_RDWR;
import static dev.handoff.server.linux.TestFiles.assertErrno;
import static dev.handoff.server.linux.TestFiles.b;
import static dev.handoff.server.linux.TestFiles.open;
import static dev.handoff.server.linux.TestFiles.openDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxIoTest {
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
    void writesAndReadsNativeSegmentsAtOffsets() throws Exception {
        try (Arena arena = Arena.ofConfined();
                Fd fd = LinuxFs.openat(dir, b("f"), O_RDWR | O_CREAT, 0644)) {
            MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, b("hello, world"));
            assertThat(LinuxIo.pwrite(fd, data, 100)).isEqualTo(12);

            MemorySegment buffer = arena.allocate(5);
            assertThat(LinuxIo.pread(fd, buffer, 107)).isEqualTo(5);
            assertThat(new String(buffer.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8)).isEqualTo("world");
            assertThat(LinuxIo.pread(fd, arena.allocate(8), 112)).isZero(); // end of file
            assertThat(LinuxIo.pread(fd, arena.allocate(8), 0)).isEqualTo(8); // the hole reads as zeros
        }
        byte[] onDisk = Files.readAllBytes(tmp.resolve("f"));
        assertThat(onDisk).hasSize(112);
        assertThat(new String(onDisk, 100, 12, StandardCharsets.UTF_8)).isEqualTo("hello, world");
    }

    @Test
    void movesDirectBuffersBetweenPositionAndLimitAndAdvancesThem() throws Exception {
        try (Fd fd = LinuxFs.openat(dir, b("f"), O_RDWR | O_CREAT, 0644)) {
            ByteBuffer out = ByteBuffer.allocateDirect(16).put(b("xxabcdef")).flip().position(2);
            assertThat(LinuxIo.pwrite(fd, out, 0)).isEqualTo(6);
            assertThat(out.hasRemaining()).isFalse();

            ByteBuffer in = ByteBuffer.allocateDirect(16).position(4).limit(8);
            assertThat(LinuxIo.pread(fd, in, 2)).isEqualTo(4);
            assertThat(in.position()).isEqualTo(8);
            byte[] got = new byte[4];
            in.get(4, got);
            assertThat(got).isEqualTo(b("cdef"));

            LinuxIo.fsync(fd);
            LinuxIo.fdatasync(fd);
        }
    }

    @Test
    void refusesHeapMemoryWhichTheKernelCannotSee() throws Exception {
        try (Fd fd = LinuxFs.openat(dir, b("f"), O_RDWR | O_CREAT, 0644)) {
            assertThatThrownBy(() -> LinuxIo.pwrite(fd, ByteBuffer.wrap(b("x")), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> LinuxIo.pread(fd, MemorySegment.ofArray(new byte[4]), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> LinuxIo.pread(fd, ByteBuffer.allocateDirect(4).asReadOnlyBuffer(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reportsTheKernelsErrorsForWrongDescriptors() throws Exception {
        TestFiles.write(dir, "f", "data");
        try (Arena arena = Arena.ofConfined();
                Fd readOnly = open(dir, "f", O_RDONLY);
                Fd directory = open(dir, ".", O_RDONLY)) {
            assertErrno(Errno.EBADF, () -> LinuxIo.pwrite(readOnly, arena.allocate(1), 0));
            assertErrno(Errno.EISDIR, () -> LinuxIo.pread(directory, arena.allocate(1), 0));
        }
        Fd stale = Fd.adopt(Integer.MAX_VALUE);
        assertErrno(Errno.EBADF, () -> LinuxIo.fsync(stale));
        assertErrno(Errno.EBADF, () -> LinuxIo.fdatasync(stale));
    }

    @Test
    void seeksRelativeToTheEnd() throws Exception {
        TestFiles.write(dir, "f", "0123456789");
        try (Fd fd = open(dir, "f", O_RDONLY)) {
            assertThat(LinuxIo.lseek(fd, -3, LinuxIo.SEEK_END)).isEqualTo(7);
            assertErrno(Errno.EINVAL, () -> LinuxIo.lseek(fd, -20, LinuxIo.SEEK_SET));
        }
    }
}
