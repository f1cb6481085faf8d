package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsGetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.NfsTime;
import com.emc.ecs.nfsclient.nfs.NfsType;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3CreateResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3MknodResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** CREATE in its three modes, MKDIR, SYMLINK and MKNOD (RFC 1813 §3.3.8 to §3.3.11). */
final class CreateChecks {
    private static final byte[] VERIFIER = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] OTHER_VERIFIER = {8, 7, 6, 5, 4, 3, 2, 1};

    private CreateChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        WireTree t = s.tree();
        s.check("CREATE.unchecked", () -> {
            Nfs3CreateResponse r = Expect.ok(c.create(NfsCreateMode.UNCHECKED, c.root(), "n-unchecked",
                    AttrChecks.sattr(0600L, null, null), null), "CREATE(n-unchecked, UNCHECKED, mode=0600)");
            Expect.isTrue(r.getFileHandle() != null, "CREATE reply without a handle");
            Path p = t.rw("n-unchecked");
            Expect.equal("0600", Expect.octal(Disk.permissions(p)), "mode on disk");
            Expect.equal(0, Disk.uid(p), "owner on disk (root, no_root_squash)");
            Expect.equal(Disk.ino(p), c.attributes(r.getFileHandle(), "new file").getFileid(), "fileid vs disk");
            return "made 0600 root:root";
        });
        s.check("CREATE.unchecked-existing", () -> {
            Path p = t.rw("n-unchecked");
            Files.writeString(p, "kept");
            long ino = Disk.ino(p);
            Nfs3CreateResponse r = Expect.ok(c.create(NfsCreateMode.UNCHECKED, c.root(), "n-unchecked",
                    new NfsSetAttributes(), null), "CREATE(n-unchecked, UNCHECKED) over an existing file");
            Expect.equal(ino, c.attributes(r.getFileHandle(), "n-unchecked").getFileid(), "fileid: the same file");
            Expect.equal("kept", Files.readString(p), "content (no size given, so untouched)");
            return "OK, same file, content kept";
        });
        s.check("CREATE.guarded", () -> {
            Expect.ok(c.create(NfsCreateMode.GUARDED, c.root(), "n-guarded", AttrChecks.sattr(0644L, null, null), null),
                    "CREATE(n-guarded, GUARDED)");
            Expect.isTrue(Files.isRegularFile(t.rw("n-guarded")), "n-guarded not on disk");
            return "made";
        });
        s.check("ERR.EXIST.create-guarded", () -> {
            Expect.status(c.create(NfsCreateMode.GUARDED, c.root(), "n-guarded", AttrChecks.sattr(0644L, null, null),
                    null), NfsStatus.NFS3ERR_EXIST, "CREATE(n-guarded, GUARDED) when it exists");
            return "EXIST";
        });
        s.check("CREATE.exclusive", () -> {
            Nfs3CreateResponse r = Expect.ok(c.create(NfsCreateMode.EXCLUSIVE, c.root(), "n-exclusive", null, VERIFIER),
                    "CREATE(n-exclusive, EXCLUSIVE, verf=0102030405060708)");
            s.state().putHandle("exclusive", r.getFileHandle());
            Expect.isTrue(Files.isRegularFile(t.rw("n-exclusive")), "n-exclusive not on disk");
            return "made, handle " + Handles.hex(r.getFileHandle());
        });
        s.check("CREATE.exclusive-retry", () -> {
            Nfs3CreateResponse r = Expect.ok(c.create(NfsCreateMode.EXCLUSIVE, c.root(), "n-exclusive", null, VERIFIER),
                    "CREATE(n-exclusive, EXCLUSIVE, same verf) again, as a retransmission");
            long first = c.attributes(s.state().handle("exclusive"), "first n-exclusive").getFileid();
            Expect.equal(first, c.attributes(r.getFileHandle(), "retried n-exclusive").getFileid(), "the same file");
            return "OK, same file" + (Arrays.equals(s.state().handle("exclusive"), r.getFileHandle())
                    ? " and handle" : " (another handle for it)");
        });
        s.check("ERR.EXIST.create-exclusive-other-verifier", () -> {
            Expect.status(c.create(NfsCreateMode.EXCLUSIVE, c.root(), "n-exclusive", null, OTHER_VERIFIER),
                    NfsStatus.NFS3ERR_EXIST, "CREATE(n-exclusive, EXCLUSIVE, another verf)");
            return "EXIST";
        });
        s.check("SETATTR.after-exclusive", () -> {
            NfsSetAttributes a = AttrChecks.sattr(0644L, null, NfsTime.SET_TO_CURRENT_ON_SERVER);
            a.setAtime(NfsTime.SET_TO_CURRENT_ON_SERVER);
            Expect.ok(c.setattr(s.state().handle("exclusive"), a, null), "SETATTR(n-exclusive, mode, times)");
            Expect.equal("0644", Expect.octal(Disk.permissions(t.rw("n-exclusive"))), "mode on disk");
            return "mode and times set, as a client does after an EXCLUSIVE create";
        });

        s.check("MKDIR", () -> {
            byte[] fh = Expect.ok(c.mkdir(c.root(), "n-dir", AttrChecks.sattr(0750L, null, null)), "MKDIR(n-dir, 0750)")
                    .getFileHandle();
            Path p = t.rw("n-dir");
            Expect.isTrue(Files.isDirectory(p), "n-dir not a directory on disk");
            Expect.equal("0750", Expect.octal(Disk.permissions(p)), "mode on disk");
            Expect.equal(NfsType.NFS_DIR, c.attributes(fh, "n-dir").getType(), "type via the new handle");
            return "directory 0750";
        });
        s.check("SYMLINK", () -> {
            byte[] fh = Expect.ok(c.symlink(c.root(), "n-link", WireTree.HELLO), "SYMLINK(n-link -> hello.txt)")
                    .getFileHandle();
            Expect.equal(Path.of(WireTree.HELLO), Files.readSymbolicLink(t.rw("n-link")), "link on disk");
            byte[] link = fh != null ? fh : c.walk("n-link");
            Expect.equal(WireTree.HELLO, Expect.ok(c.readlink(link), "READLINK(n-link)").getData(), "READLINK");
            s.state().putHandle("symlink", link);
            return "n-link -> hello.txt on disk and by READLINK";
        });
        s.check("MKNOD.fifo", () -> {
            byte[] fh = mknod(c, "n-fifo", NfsType.NFS_FIFO, null);
            Expect.equal(Disk.S_IFIFO, Disk.fileType(t.rw("n-fifo")), "file type on disk (FIFO)");
            Expect.equal(NfsType.NFS_FIFO, c.attributes(fh, "n-fifo").getType(), "type by GETATTR");
            s.state().putHandle("fifo", fh);
            return "FIFO";
        });
        s.check("MKNOD.socket", () -> {
            byte[] fh = mknod(c, "n-sock", NfsType.NFS_SOCK, null);
            Expect.equal(Disk.S_IFSOCK, Disk.fileType(t.rw("n-sock")), "file type on disk (socket)");
            Expect.equal(NfsType.NFS_SOCK, c.attributes(fh, "n-sock").getType(), "type by GETATTR");
            return "socket";
        });
        s.check("MKNOD.chardev-root", () -> {
            byte[] fh = mknod(c, "n-null", NfsType.NFS_CHR, new long[] {1, 3});
            Path p = t.rw("n-null");
            Expect.equal(Disk.S_IFCHR, Disk.fileType(p), "file type on disk (char device)");
            Expect.equal(Disk.makedev(1, 3), Disk.rdev(p), "device number on disk");
            NfsGetAttributes a = c.attributes(fh, "n-null");
            Expect.equal(NfsType.NFS_CHR, a.getType(), "type by GETATTR");
            Expect.equal("[1, 3]", Arrays.toString(a.getRdev()), "rdev by GETATTR");
            return "char device 1,3";
        });
    }

    private static byte[] mknod(WireClient c, String name, NfsType type, long[] rdev) throws Exception {
        Nfs3MknodResponse r = Expect.ok(c.mknod(c.root(), name, type, AttrChecks.sattr(0644L, null, null), rdev),
                "MKNOD(" + name + ", " + type + (rdev == null ? "" : ", " + Arrays.toString(rdev)) + ")");
        return r.getFileHandle() != null ? r.getFileHandle() : c.walk(name);
    }
}
