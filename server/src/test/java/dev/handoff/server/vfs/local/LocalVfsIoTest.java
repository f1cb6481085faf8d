package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.OTHER;
import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.direct;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static dev.handoff.server.vfs.local.ExportFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.CreateMode;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.IoResults;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.SpecialFile;
import dev.handoff.server.vfs.Stability;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LocalVfsIoTest extends ExportTestCase {
    Inode home;

    @BeforeEach
    void makeHome() throws Exception {
        home = export.directory("home", 0755, USER.uid());
    }

    @Test
    void writesAtAnOffsetAndReadsBack() throws Exception {
        Inode f = export.file("home/f", "hello world", 0644, USER.uid());

        IoResults.Write w = vfs.write(USER, f, 6, direct("there"), Stability.UNSTABLE);

        assertThat(w).isEqualTo(new IoResults.Write(5, Stability.UNSTABLE));
        assertThat(Files.readString(export.dir.resolve("home/f"))).isEqualTo("hello there");
        ByteBuffer dst = ByteBuffer.allocateDirect(5);
        assertThat(vfs.read(USER, f, 6, dst)).isEqualTo(new IoResults.Read(5, true));
        assertThat(text(dst)).isEqualTo("there");
    }

    @Test
    void readReportsEofOnlyWhenTheFileEndsWithinTheRead() throws Exception {
        Inode f = export.file("home/f", "0123456789", 0644, USER.uid());

        ByteBuffer first = ByteBuffer.allocateDirect(4);
        assertThat(vfs.read(USER, f, 0, first)).isEqualTo(new IoResults.Read(4, false));
        ByteBuffer past = ByteBuffer.allocateDirect(100);
        assertThat(vfs.read(USER, f, 8, past)).isEqualTo(new IoResults.Read(2, true));
        assertThat(text(past)).isEqualTo("89");
        assertThat(vfs.read(USER, f, 50, ByteBuffer.allocateDirect(10))).isEqualTo(new IoResults.Read(0, true));
        assertThat(vfs.read(USER, f, 0, ByteBuffer.allocateDirect(0))).isEqualTo(new IoResults.Read(0, false));
    }

    @Test
    void eachStabilityIsReportedAsAchievedAndCommitFlushes() throws Exception {
        Inode f = export.file("home/f", "", 0644, USER.uid());

        for (Stability stability : Stability.values()) {
            IoResults.Write w = vfs.write(USER, f, 0, direct("data"), stability);
            assertThat(w.committed()).isEqualTo(stability);
            assertThat(w.count()).isEqualTo(4);
        }
        vfs.commit(f, 0, 0);
        assertThat(Files.readString(export.dir.resolve("home/f"))).isEqualTo("data");
    }

    @Test
    void writesExtendTheFileAndLeaveAHoleBefore() throws Exception {
        Inode f = vfs.create(USER, home, name("sparse"), new CreateMode.Guarded(), SetAttributes.NONE);

        vfs.write(USER, f, 1 << 20, direct("end"), Stability.FILE_SYNC);

        assertThat(vfs.getattr(f).size()).isEqualTo((1 << 20) + 3);
        ByteBuffer dst = ByteBuffer.allocateDirect(2);
        assertThat(vfs.read(USER, f, 100, dst).count()).isEqualTo(2);
        assertThat(dst.get(0)).isZero();
    }

    @Test
    void theKernelDeniesWritesAndReadsTheModeForbids() throws Exception {
        Inode readable = export.file("home/readable", "r", 0644, OTHER.uid());
        Inode secret = export.file("home/secret", "s", 0600, OTHER.uid());

        assertErrno(Errno.EACCES, () -> vfs.write(USER, readable, 0, direct("x"), Stability.UNSTABLE));
        assertErrno(Errno.EACCES, () -> vfs.read(USER, secret, 0, ByteBuffer.allocateDirect(1)));
        assertThat(vfs.read(USER, readable, 0, ByteBuffer.allocateDirect(1)).count()).isEqualTo(1);
        assertThat(Files.readString(export.dir.resolve("home/readable"))).isEqualTo("r");
    }

    @Test
    void theOwnerMayWriteAndReadItsOwnFileWhateverItsModeAsOverNfsItMust() throws Exception {
        // open(O_CREAT|O_WRONLY, 0444) then write(): over NFSv3 that is CREATE mode 0444, then WRITE.
        Inode f = vfs.create(USER, home, name("ro"), new CreateMode.Guarded(), ExportFixture.mode(0444));

        assertThat(vfs.write(USER, f, 0, direct("object"), Stability.FILE_SYNC).count()).isEqualTo(6);
        vfs.setattr(USER, f, ExportFixture.mode(0));
        assertThat(vfs.read(USER, f, 0, ByteBuffer.allocateDirect(6)).count()).isEqualTo(6);
        assertErrno(Errno.EACCES, () -> vfs.write(OTHER, f, 0, direct("x"), Stability.UNSTABLE));
    }

    @Test
    void aProgramOnlyExecutableByTheCallerMayStillBeReadToRunIt() throws Exception {
        Inode program = export.file("home/prog", "#!/bin/sh\n", 0711, OTHER.uid());
        Inode data = export.file("home/data", "d", 0602, OTHER.uid());

        assertThat(vfs.read(USER, program, 0, ByteBuffer.allocateDirect(10)).count()).isEqualTo(10);
        assertErrno(Errno.EACCES, () -> vfs.read(USER, data, 0, ByteBuffer.allocateDirect(1)));
    }

    @Test
    void writingAsAnotherUserClearsTheSetUserIdBitAsTheKernelDoes() throws Exception {
        Inode f = export.file("home/suid", "x", 04777, OTHER.uid());

        vfs.write(USER, f, 0, direct("y"), Stability.UNSTABLE);

        assertThat(export.modeOf("home/suid") & 04000).isZero();
    }

    @Test
    void dataCallsRefuseDirectoriesAndSpecialFiles() throws Exception {
        Inode fifo = vfs.mknod(USER, home, name("fifo"), new SpecialFile.Fifo(), SetAttributes.NONE);

        assertErrno(Errno.EISDIR, () -> vfs.read(USER, home, 0, ByteBuffer.allocateDirect(1)));
        assertErrno(Errno.EISDIR, () -> vfs.write(USER, home, 0, direct("x"), Stability.UNSTABLE));
        assertErrno(Errno.EINVAL, () -> vfs.read(USER, fifo, 0, ByteBuffer.allocateDirect(1)));
        assertErrno(Errno.EINVAL, () -> vfs.write(USER, fifo, 0, direct("x"), Stability.UNSTABLE));
        assertErrno(Errno.EINVAL, () -> vfs.commit(fifo, 0, 0));
    }

    @Test
    @Timeout(10)
    void aFifoIsNeverOpenedSoNoCallBlocksOnIt() throws Exception {
        Inode fifo = vfs.mknod(ROOT, home, name("fifo"), new SpecialFile.Fifo(), SetAttributes.NONE);

        assertErrno(Errno.EINVAL, () -> vfs.read(ROOT, fifo, 0, ByteBuffer.allocateDirect(1)));
        assertErrno(Errno.EINVAL, () -> vfs.setattr(ROOT, fifo, new SetAttributes(null, null, null, 0L, null, null)));
    }

    @Test
    void heapBuffersAreRefusedBeforeAnyIo() throws Exception {
        Inode f = export.file("home/f", "x", 0644, USER.uid());

        assertThatThrownBy(() -> vfs.read(USER, f, 0, ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
