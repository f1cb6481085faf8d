package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.OTHER;
import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.Inode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalVfsNamespaceTest extends ExportTestCase {
    Inode home;

    @BeforeEach
    void makeHome() throws Exception {
        home = export.directory("home", 0755, USER.uid());
    }

    @Test
    void removeUnlinksFilesButNotDirectories() throws Exception {
        export.file("home/f", "", 0644, USER.uid());
        export.directory("home/d", 0755, USER.uid());

        vfs.remove(USER, home, name("f"));

        assertThat(Files.exists(export.dir.resolve("home/f"))).isFalse();
        assertErrno(Errno.EISDIR, () -> vfs.remove(USER, home, name("d")));
        assertErrno(Errno.ENOENT, () -> vfs.remove(USER, home, name("f")));
    }

    @Test
    void removeOfASymlinkRemovesTheLinkNotItsTarget() throws Exception {
        export.file("home/target", "", 0644, USER.uid());
        Files.createSymbolicLink(export.dir.resolve("home/link"), Path.of("target"));

        vfs.remove(USER, home, name("link"));

        assertThat(Files.exists(export.dir.resolve("home/target"))).isTrue();
    }

    @Test
    void rmdirRemovesOnlyEmptyDirectories() throws Exception {
        export.directory("home/empty", 0755, USER.uid());
        export.directory("home/full", 0755, USER.uid());
        export.file("home/full/f", "", 0644, USER.uid());
        export.file("home/f", "", 0644, USER.uid());

        vfs.rmdir(USER, home, name("empty"));

        assertThat(Files.exists(export.dir.resolve("home/empty"))).isFalse();
        assertErrno(Errno.ENOTEMPTY, () -> vfs.rmdir(USER, home, name("full")));
        assertErrno(Errno.ENOTDIR, () -> vfs.rmdir(USER, home, name("f")));
    }

    @Test
    void removingNeedsWriteAccessToTheDirectory() throws Exception {
        Inode closed = export.directory("closed", 0755, OTHER.uid());
        export.file("closed/f", "", 0666, USER.uid());

        assertErrno(Errno.EACCES, () -> vfs.remove(USER, closed, name("f")));
        assertThat(Files.exists(export.dir.resolve("closed/f"))).isTrue();
    }

    @Test
    void renameMovesBetweenDirectoriesAndReplacesAnExistingTarget() throws Exception {
        Inode moved = export.file("home/a", "new", 0644, USER.uid());
        Inode sub = export.directory("home/sub", 0755, USER.uid());
        export.file("home/sub/b", "old", 0644, USER.uid());

        vfs.rename(USER, home, name("a"), sub, name("b"));

        assertThat(Files.readString(export.dir.resolve("home/sub/b"))).isEqualTo("new");
        assertThat(Files.exists(export.dir.resolve("home/a"))).isFalse();
        assertThat(vfs.lookup(USER, sub, name("b"))).isEqualTo(moved);
    }

    @Test
    void renameIsRefusedAcrossExportsAndForDotDot() throws Exception {
        export.file("home/a", "", 0644, USER.uid());
        Inode foreign = new Inode(ExportFixture.EXPORT_ID + 1, home.key());

        assertErrno(Errno.EXDEV, () -> vfs.rename(USER, home, name("a"), foreign, name("a")));
        assertErrno(Errno.EBUSY, () -> vfs.rename(ROOT, export.root(), name(".."), home, name("up")));
        assertErrno(Errno.EISDIR, () -> vfs.remove(ROOT, export.root(), name("..")));
        assertErrno(Errno.ENOTEMPTY, () -> vfs.rmdir(ROOT, export.root(), name("..")));
        assertThat(Files.exists(export.dir)).isTrue();
    }

    @Test
    void linkGivesTheSameFileASecondName() throws Exception {
        Inode f = export.file("home/f", "linked", 0644, USER.uid());
        Inode sub = export.directory("home/sub", 0755, USER.uid());

        vfs.link(USER, f, sub, name("g"));

        assertThat(vfs.lookup(USER, sub, name("g"))).isEqualTo(f);
        assertThat(vfs.getattr(f).nlink()).isEqualTo(2);
        assertErrno(Errno.EEXIST, () -> vfs.link(USER, f, sub, name("g")));
        assertErrno(Errno.EPERM, () -> vfs.link(ROOT, sub, home, name("dir-link")));
    }

    @Test
    void linkOfASymlinkLinksTheSymlinkItself() throws Exception {
        export.file("home/target", "", 0644, USER.uid());
        Files.createSymbolicLink(export.dir.resolve("home/link"), Path.of("target"));
        Inode link = export.lookup("home/link");
        // fs.protected_hardlinks lets only the owner link a file that is not regular.
        vfs.setattr(ROOT, link, ExportFixture.owner(USER.uid(), USER.gid()));

        vfs.link(USER, link, home, name("link2"));

        assertThat(Files.isSymbolicLink(export.dir.resolve("home/link2"))).isTrue();
        assertThat(vfs.lookup(USER, home, name("link2"))).isEqualTo(link);
    }

    @Test
    void linkNeedsWriteAccessToTheTargetDirectory() throws Exception {
        Inode f = export.file("home/f", "", 0644, USER.uid());
        Inode closed = export.directory("closed", 0755, OTHER.uid());

        assertErrno(Errno.EACCES, () -> vfs.link(USER, f, closed, name("g")));
    }
}
