package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.EXPORT_ID;
import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.VfsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

class LocalVfsHandlesTest extends ExportTestCase {
    @Test
    void theSameFileHasTheSameInodeAfterTheExportIsOpenedAgain() throws Exception {
        Inode before = export.file("f", "kept", 0644, 0);
        Inode rootBefore = export.root();
        export.close();

        try (LocalVfs restarted = LocalVfs.open(EXPORT_ID, export.dir)) {
            assertThat(restarted.root()).isEqualTo(rootBefore);
            assertThat(restarted.lookup(ROOT, restarted.root(), name("f"))).isEqualTo(before);
            assertThat(restarted.getattr(before).size()).isEqualTo(4);
        } finally {
            export = ExportFixture.under(tmp);
        }
    }

    @Test
    void anInodeNamesTheFileNotThePathSoItSurvivesARename() throws Exception {
        Inode file = export.file("old", "x", 0644, 0);

        Files.move(export.dir.resolve("old"), export.dir.resolve("new"));

        assertThat(export.lookup("new")).isEqualTo(file);
        assertThat(export.vfs.getattr(file).fileId()).isEqualTo(inodeNumber(export.dir.resolve("new")));
    }

    @Test
    void theInodeOfADeletedFileIsStale() throws Exception {
        Inode file = export.file("doomed", "", 0644, 0);

        Files.delete(export.dir.resolve("doomed"));

        assertErrno(Errno.ESTALE, () -> export.vfs.getattr(file));
        assertErrno(Errno.ESTALE, () -> export.vfs.access(ROOT, file, 1));
    }

    @Test
    void keysOfAnotherExportOrThatNoFileHasAreStale() throws Exception {
        Inode file = export.file("f", "", 0644, 0);

        assertErrno(Errno.ESTALE, () -> export.vfs.getattr(new Inode(EXPORT_ID + 1, file.key())));
        assertErrno(Errno.ESTALE, () -> export.vfs.getattr(new Inode(EXPORT_ID, Opaque.ofHex("00000001"))));
        byte[] forged = file.key().toByteArray();
        forged[0] ^= 0x40; // a handle type ext4 does not know
        assertErrno(Errno.ESTALE, () -> export.vfs.getattr(new Inode(EXPORT_ID, Opaque.copyOf(forged))));
    }

    @Test
    void keysFitTheInodeLimitAndTheRootHasOne() throws Exception {
        Inode file = export.file("f", "", 0644, 0);

        assertThat(file.key().length()).isLessThanOrEqualTo(Inode.MAX_KEY);
        assertThat(export.root().exportId()).isEqualTo(EXPORT_ID);
        assertThat(export.vfs.exportId()).isEqualTo(EXPORT_ID);
        assertThat(export.vfs.getattr(export.root()).kind()).isEqualTo(FileKind.DIRECTORY);
    }

    @Test
    void getattrReportsOneStatxWithTheExportIdAsFsid() throws Exception {
        Inode file = export.file("f", "0123456789", 0750, 1000);
        Path path = export.dir.resolve("f");
        Files.setLastModifiedTime(path, FileTime.fromMillis(1_000_000_000_123L));

        Attributes a = export.vfs.getattr(file);

        assertThat(a.kind()).isEqualTo(FileKind.REGULAR);
        assertThat(a.mode()).isEqualTo(0750);
        assertThat(a.nlink()).isEqualTo(1);
        assertThat(a.uid()).isEqualTo(1000);
        assertThat(a.gid()).isEqualTo(1000);
        assertThat(a.size()).isEqualTo(10);
        assertThat(a.used()).isPositive(); // ext4 allocates a block even for 10 bytes
        assertThat(a.used() % 512).isZero();
        assertThat(a.fsid()).isEqualTo(EXPORT_ID);
        assertThat(a.fileId()).isEqualTo(inodeNumber(path));
        assertThat(a.mtime().toEpochMilli()).isEqualTo(1_000_000_000_123L);
        assertThat(a.ctime()).isNotNull();
    }

    @Test
    void aFileSystemWithoutFileHandlesIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> LocalVfs.open(EXPORT_ID, Path.of("/proc/sys")))
                .isInstanceOfSatisfying(VfsException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
                    assertThat(e.getMessage()).contains("/proc/sys", "file handles");
                });
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertErrno(Errno.ENOENT, () -> LocalVfs.open(EXPORT_ID, tmp.resolve("missing")));
    }

    private static long inodeNumber(Path path) throws Exception {
        return (long) Files.getAttribute(path, "unix:ino");
    }
}
