package dev.handoff.server.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers for the tests of this package: names as bytes, directory descriptors, errno assertions. */
final class TestFiles {
    private TestFiles() {}

    static byte[] b(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    static Fd openDir(Path dir) throws ErrnoException {
        return LinuxFs.openat(Fd.CWD, b(dir.toString()), OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0);
    }

    static Fd open(Fd dir, String name, int flags) throws ErrnoException {
        return LinuxFs.openat(dir, b(name), flags, 0);
    }

    /** Creates (or truncates) a regular file with the given content. */
    static void write(Fd dir, String name, String content) throws ErrnoException {
        try (Fd fd = LinuxFs.openat(dir, b(name),
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644)) {
            byte[] bytes = b(content);
            ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            LinuxIo.pwrite(fd, buffer, 0);
        }
    }

    static Statx stat(Fd dir, String name) throws ErrnoException {
        return LinuxAttrs.statx(dir, b(name), AtFlags.AT_SYMLINK_NOFOLLOW);
    }

    static boolean exists(Fd dir, String name) throws ErrnoException {
        try {
            stat(dir, name);
            return true;
        } catch (ErrnoException e) {
            if (e.is(Errno.ENOENT)) {
                return false;
            }
            throw e;
        }
    }

    static void assertErrno(int errno, ThrowingCallable call) {
        // Compared by name, so that a failure reads "expected ENOENT but was EACCES".
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ErrnoException.class,
                        e -> assertThat(Errno.name(e.errno())).isEqualTo(Errno.name(errno)));
    }

    /** Tests that change owners, switch identities or open handles need root's capabilities. */
    static void assumeRoot() throws ErrnoException {
        assumeTrue(ThreadIdentity.currentFsuid() == 0 && Capabilities.current().hasDacReadSearch(),
                "needs root with CAP_DAC_READ_SEARCH, CAP_SETUID, CAP_SETGID, CAP_CHOWN");
    }
}
