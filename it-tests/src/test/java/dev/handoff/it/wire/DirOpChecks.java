package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3LinkResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3RenameResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** REMOVE, RMDIR, RENAME and LINK (RFC 1813 §3.3.12 to §3.3.15), each verified on disk, and rename(2)'s errors. */
final class DirOpChecks {
    private DirOpChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        WireTree t = s.tree();
        s.check("REMOVE", () -> {
            Files.writeString(t.rw("n-remove"), "x");
            Expect.ok(c.remove(c.root(), "n-remove"), "REMOVE(n-remove)");
            Expect.isTrue(!Disk.exists(t.rw("n-remove")), "n-remove still on disk");
            return "gone from disk";
        });
        s.check("RMDIR", () -> {
            Files.createDirectory(t.rw("n-rmdir"));
            Expect.ok(c.rmdir(c.root(), "n-rmdir"), "RMDIR(n-rmdir)");
            Expect.isTrue(!Disk.exists(t.rw("n-rmdir")), "n-rmdir still on disk");
            return "gone from disk";
        });
        s.check("RENAME.same-dir", () -> {
            Files.writeString(t.rw("n-r1"), "renamed");
            long ino = Disk.ino(t.rw("n-r1"));
            Nfs3RenameResponse r = Expect.ok(c.rename(c.root(), "n-r1", c.root(), "n-r2"), "RENAME(n-r1 -> n-r2)");
            Expect.isTrue(!Disk.exists(t.rw("n-r1")), "n-r1 still on disk");
            Expect.equal(ino, Disk.ino(t.rw("n-r2")), "inode of n-r2");
            Expect.isTrue(r.getFromDirectoryWccData().getAttributes() != null,
                    "no post-op attributes of the directory");
            return "n-r2 is the same inode";
        });
        s.check("RENAME.across-dirs", () -> {
            long ino = Disk.ino(t.rw("n-r2"));
            Expect.ok(c.rename(c.root(), "n-r2", c.walk(WireTree.SUB), "n-r3"), "RENAME(n-r2 -> sub/n-r3)");
            Expect.isTrue(!Disk.exists(t.rw("n-r2")), "n-r2 still on disk");
            Expect.equal(ino, Disk.ino(t.rw(WireTree.SUB).resolve("n-r3")), "inode of sub/n-r3");
            return "moved into sub";
        });
        s.check("RENAME.over-existing", () -> {
            Path target = t.rw(WireTree.SUB).resolve("n-victim");
            Files.writeString(target, "old");
            long ino = Disk.ino(t.rw(WireTree.SUB).resolve("n-r3"));
            byte[] sub = c.walk(WireTree.SUB);
            Expect.ok(c.rename(sub, "n-r3", sub, "n-victim"), "RENAME(sub/n-r3 -> sub/n-victim) over an existing file");
            Expect.equal(ino, Disk.ino(target), "inode of sub/n-victim");
            Expect.equal("renamed", Files.readString(target), "content of sub/n-victim");
            return "replaced the old file";
        });
        s.check("LINK", () -> {
            byte[] hello = c.walk(WireTree.HELLO);
            Nfs3LinkResponse r = Expect.ok(c.link(hello, c.root(), "n-hardlink"), "LINK(hello.txt, root, n-hardlink)");
            Path link = t.rw("n-hardlink");
            Expect.equal(Disk.ino(t.rw(WireTree.HELLO)), Disk.ino(link), "inode of n-hardlink");
            Expect.equal(2, Disk.nlink(link), "nlink on disk");
            Expect.isTrue(r.getAttributes() != null, "LINK reply without the file's attributes");
            Expect.equal(2L, r.getAttributes().getNlink(), "nlink in the LINK reply");
            Expect.ok(c.remove(c.root(), "n-hardlink"), "REMOVE(n-hardlink)");
            return "hard link, nlink 2";
        });

        s.check("ERR.INVAL.rename-into-own-subdir", () -> ErrorChecks.status(c.rename(c.root(), WireTree.SUB,
                c.walk(WireTree.SUB), "n-inside"), NfsStatus.NFS3ERR_INVAL, "RENAME(sub -> sub/n-inside)"));
        s.check("ERR.NOTEMPTY.rename-over-full-dir", () -> {
            Files.createDirectory(t.rw("n-empty"));
            var r = Expect.oneOf(c.rename(c.root(), "n-empty", c.root(), WireTree.FULL),
                    "RENAME(n-empty -> full) over a directory with a file in it", NfsStatus.NFS3ERR_NOTEMPTY,
                    NfsStatus.NFS3ERR_EXIST);
            Expect.isTrue(Files.exists(t.rw(WireTree.FULL).resolve("child.txt")), "full/child.txt vanished");
            return WireClient.status(r) + ", nothing replaced";
        });
        s.check("ERR.ISDIR.rename-file-over-dir", () -> {
            Files.writeString(t.rw("n-file"), "x");
            return ErrorChecks.status(c.rename(c.root(), "n-file", c.root(), "n-empty"), NfsStatus.NFS3ERR_ISDIR,
                    "RENAME(n-file -> n-empty) of a file over a directory");
        });
        s.check("ERR.NOTDIR.rename-dir-over-file", () -> ErrorChecks.status(c.rename(c.root(), "n-empty", c.root(),
                "n-file"), NfsStatus.NFS3ERR_NOTDIR, "RENAME(n-empty -> n-file) of a directory over a file"));
        s.check("ERR.LINK.directory", () -> {
            var r = Expect.oneOf(c.link(c.walk(WireTree.SUB), c.root(), "n-dirlink"), "LINK(sub, root, n-dirlink)",
                    NfsStatus.NFS3ERR_PERM, NfsStatus.NFS3ERR_ISDIR);
            Expect.isTrue(!Disk.exists(t.rw("n-dirlink")), "n-dirlink made");
            return WireClient.status(r) + " (link(2) of a directory is EPERM)";
        });
    }
}
