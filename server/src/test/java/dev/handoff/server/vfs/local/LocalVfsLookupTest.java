package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalVfsLookupTest extends ExportTestCase {
    @Test
    void findsFilesAndDirectoriesByName() throws Exception {
        Inode sub = export.directory("sub", 0755, 0);
        Files.writeString(export.dir.resolve("sub/f"), "x");

        Inode file = vfs.lookup(ROOT, sub, name("f"));

        assertThat(vfs.getattr(file).kind()).isEqualTo(FileKind.REGULAR);
        assertThat(vfs.getattr(sub).kind()).isEqualTo(FileKind.DIRECTORY);
        assertErrno(Errno.ENOENT, () -> vfs.lookup(ROOT, sub, name("missing")));
        assertErrno(Errno.ENOTDIR, () -> vfs.lookup(ROOT, file, name("x")));
    }

    @Test
    void dotIsTheDirectoryAndDotDotItsParent() throws Exception {
        Inode a = export.directory("a", 0755, 0);
        Inode b = export.directory("a/b", 0755, 0);

        assertThat(vfs.lookup(ROOT, b, name("."))).isEqualTo(b);
        assertThat(vfs.lookup(ROOT, b, name(".."))).isEqualTo(a);
        assertThat(vfs.lookup(ROOT, a, name(".."))).isEqualTo(export.root());
    }

    @Test
    void dotDotOfTheExportRootIsTheRootItself() throws Exception {
        assertThat(vfs.lookup(ROOT, export.root(), name(".."))).isEqualTo(export.root());
        assertThat(vfs.lookup(ROOT, export.root(), name("."))).isEqualTo(export.root());
        Inode up = vfs.lookup(ROOT, vfs.lookup(ROOT, export.root(), name("..")), name(".."));
        assertThat(up).isEqualTo(export.root());
    }

    @Test
    void namesWithASlashOrNulAreInvalid() throws Exception {
        export.directory("sub", 0755, 0);

        assertErrno(Errno.EINVAL, () -> vfs.lookup(ROOT, export.root(), name("sub/..")));
        assertErrno(Errno.EINVAL, () -> vfs.lookup(ROOT, export.root(), name("../..")));
        assertErrno(Errno.EINVAL, () -> vfs.lookup(ROOT, export.root(), Opaque.copyOf(new byte[] {'s', 0})));
        assertErrno(Errno.ENOENT, () -> vfs.lookup(ROOT, export.root(), Opaque.EMPTY));
    }

    @Test
    void aSymlinkOutOfTheExportIsServedAsASymlinkAndNeverFollowed() throws Exception {
        Files.createSymbolicLink(export.dir.resolve("etc"), Path.of("/etc"));

        Inode link = vfs.lookup(ROOT, export.root(), name("etc"));

        assertThat(vfs.getattr(link).kind()).isEqualTo(FileKind.SYMLINK);
        assertThat(vfs.readlink(ROOT, link)).isEqualTo(name("/etc"));
        // A lookup "through" it treats the link as what it is, not as the directory it points to.
        assertErrno(Errno.ENOTDIR, () -> vfs.lookup(ROOT, link, name("passwd")));
        assertErrno(Errno.ENOTDIR, () -> vfs.readdir(ROOT, link, 0, 10, false));
        assertErrno(Errno.EINVAL, () -> vfs.read(ROOT, link, 0, ByteBuffer.allocateDirect(10)));
    }

    @Test
    void readlinkReturnsTheTargetAndRefusesOtherFiles() throws Exception {
        Files.createSymbolicLink(export.dir.resolve("l"), Path.of("../somewhere/else"));
        Inode file = export.file("f", "", 0644, 0);

        Inode link = vfs.lookup(USER, export.root(), name("l"));

        assertThat(vfs.readlink(USER, link)).isEqualTo(name("../somewhere/else"));
        assertErrno(Errno.EINVAL, () -> vfs.readlink(ROOT, file));
    }

    @Test
    void lookupNeedsSearchPermissionOnTheDirectory() throws Exception {
        Inode closed = export.directory("closed", 0700, 0);
        Files.writeString(export.dir.resolve("closed/secret"), "s");
        Inode open = export.directory("open", 0711, 0);
        Files.writeString(export.dir.resolve("open/f"), "f");

        assertErrno(Errno.EACCES, () -> vfs.lookup(USER, closed, name("secret")));
        assertErrno(Errno.EACCES, () -> vfs.lookup(USER, closed, name(".")));
        assertThat(vfs.lookup(USER, open, name("f"))).isEqualTo(vfs.lookup(ROOT, open, name("f")));
    }
}
