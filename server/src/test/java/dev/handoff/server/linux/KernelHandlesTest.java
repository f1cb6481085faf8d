package dev.handoff.server.linux;

import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.TestFiles.assertErrno;
import static dev.handoff.server.linux.TestFiles.b;
import static dev.handoff.server.linux.TestFiles.open;
import static dev.handoff.server.linux.TestFiles.openDir;
import static dev.handoff.server.linux.TestFiles.stat;
import static dev.handoff.server.linux.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelHandlesTest {
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
    void aHandleTakenByNameReopensTheSameInode() throws Exception {
        TestFiles.assumeRoot(); // open_by_handle_at needs CAP_DAC_READ_SEARCH
        write(dir, "f", "content");
        Statx original = stat(dir, "f");

        NamedHandle named = KernelHandles.nameToHandleAt(dir, b("f"), 0);
        // A rename does not change the handle: it names the inode, not the path.
        LinuxFs.renameat2(dir, b("f"), dir, b("renamed"), 0);

        try (Fd reopened = KernelHandles.openByHandleAt(dir, named.handle(), O_RDONLY);
                Arena arena = Arena.ofConfined()) {
            Statx st = LinuxAttrs.statx(reopened);
            assertThat(st.ino()).isEqualTo(original.ino());
            assertThat(st.devMajor()).isEqualTo(original.devMajor());
            assertThat(st.devMinor()).isEqualTo(original.devMinor());
            assertThat(LinuxIo.pread(reopened, arena.allocate(7), 0)).isEqualTo(7);
        }
        assertThat(named.mountId()).isEqualTo((int) original.mountId());
        assertThat(named.handle().bytes().length()).isBetween(1, KernelHandle.MAX_BYTES);
    }

    @Test
    void theSameFileGivesTheSameHandleByNameOrByDescriptor() throws Exception {
        LinuxFs.mkdirat(dir, b("d"), 0755);
        try (Fd d = open(dir, "d", O_PATH | O_DIRECTORY)) {
            NamedHandle byFd = KernelHandles.nameToHandleAt(d, EMPTY, AtFlags.AT_EMPTY_PATH);
            assertThat(byFd.handle()).isEqualTo(KernelHandles.nameToHandleAt(dir, b("d"), 0).handle());
        }
    }

    @Test
    void aHandleOfADeletedFileIsStale() throws Exception {
        TestFiles.assumeRoot();
        write(dir, "doomed", "");
        KernelHandle handle = KernelHandles.nameToHandleAt(dir, b("doomed"), 0).handle();

        LinuxFs.unlinkat(dir, b("doomed"), 0);

        assertErrno(Errno.ESTALE, () -> KernelHandles.openByHandleAt(dir, handle, O_PATH));
    }

    @Test
    void openingAHandleNeedsDacReadSearchWhichASwitchedThreadHasLost() throws Exception {
        TestFiles.assumeRoot();
        write(dir, "f", "");
        KernelHandle handle = KernelHandles.nameToHandleAt(dir, b("f"), 0).handle();

        try (ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[0])) {
            assertErrno(Errno.EPERM, () -> KernelHandles.openByHandleAt(dir, handle, O_PATH));
        }
        KernelHandles.openByHandleAt(dir, handle, O_PATH).close();
    }

    @Test
    void aForgedHandleIsRejectedByTheKernel() throws Exception {
        TestFiles.assumeRoot();
        write(dir, "f", "");
        KernelHandle real = KernelHandles.nameToHandleAt(dir, b("f"), 0).handle();
        byte[] bytes = real.bytes().toByteArray();
        bytes[0] ^= 0x7f; // a different inode number, most likely never allocated with this generation

        KernelHandle forged = new KernelHandle(real.type(), Opaque.copyOf(bytes));

        assertThatThrownBy(() -> KernelHandles.openByHandleAt(dir, forged, O_PATH))
                .isInstanceOfSatisfying(ErrnoException.class,
                        e -> assertThat(e.errno()).isIn(Errno.ESTALE, Errno.EINVAL));
    }

    @Test
    void handlesAreBoundedByMaxHandleSize() {
        assertThatThrownBy(() -> new KernelHandle(1, Opaque.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KernelHandle(1, Opaque.copyOf(new byte[129])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new KernelHandle(1, Opaque.copyOf(new byte[128])).bytes().length()).isEqualTo(128);
    }
}
