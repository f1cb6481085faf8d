package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.NfsType;
import com.emc.ecs.nfsclient.nfs.NfsWriteRequest;
import java.nio.file.Files;

/**
 * Who may do what (RFC 1813 §2.6 ACCES, PERM, ROFS, XDEV): the kernel judges a caller's permissions once the
 * server has taken on the caller's identity, after squashing; the export's options add read-only; exports do
 * not share a name space.
 */
final class PermissionChecks {
    private PermissionChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        WireClient user = s.user();
        s.check("ERR.ACCES.squashed-root-create", () -> {
            WireClient squash = s.mount(WireTree.SQUASH);
            ErrorChecks.status(squash.create(NfsCreateMode.GUARDED, squash.root(), "n-denied", new NfsSetAttributes(),
                    null), NfsStatus.NFS3ERR_ACCES, "CREATE(squash/n-denied) as root squashed to 65534, dir 0755 root");
            Expect.isTrue(!Disk.exists(s.tree().export(WireTree.SQUASH).resolve("n-denied")), "n-denied made anyway");
            return "ACCES";
        });
        s.check("CREATE.squashed-root-owner", () -> {
            WireClient squash = s.mount(WireTree.SQUASH);
            Expect.ok(squash.create(NfsCreateMode.GUARDED, squash.walk(WireTree.OPEN), "n-squashed",
                    new NfsSetAttributes(), null), "CREATE(squash/open/n-squashed) as squashed root");
            int owner = Disk.uid(s.tree().export(WireTree.SQUASH).resolve(WireTree.OPEN).resolve("n-squashed"));
            Expect.equal(65534, owner, "owner on disk");
            return "made as 65534";
        });
        s.check("ERR.ACCES.user-create", () -> ErrorChecks.status(user.create(NfsCreateMode.GUARDED,
                c.walk(WireTree.LOCKED), "n-denied", new NfsSetAttributes(), null), NfsStatus.NFS3ERR_ACCES,
                "CREATE(locked/n-denied) as uid 1000, dir 0755 root"));
        s.check("ERR.ACCES.user-read", () -> ErrorChecks.status(user.read(c.walk(WireTree.SECRET), 0, 100),
                NfsStatus.NFS3ERR_ACCES, "READ(secret.txt 0600 root) as uid 1000"));
        s.check("ERR.ACCES.user-lookup", () -> ErrorChecks.status(user.lookup(c.walk(WireTree.PRIVATE), "inner.txt"),
                NfsStatus.NFS3ERR_ACCES, "LOOKUP(private 0700 root, inner.txt) as uid 1000"));

        s.check("ERR.PERM.chown-by-user", () -> {
            NfsSetAttributes a = new NfsSetAttributes();
            a.setUid(0L);
            ErrorChecks.status(user.setattr(c.walk(WireTree.OWNED), a, null), NfsStatus.NFS3ERR_PERM,
                    "SETATTR(owned.txt of uid 1000, uid=0) as uid 1000");
            Expect.equal(WireTree.USER, Disk.uid(s.tree().rw(WireTree.OWNED)), "owner on disk");
            return "PERM, owner unchanged";
        });
        s.check("ERR.PERM.chmod-not-owner", () -> ErrorChecks.status(user.setattr(c.walk(WireTree.HELLO),
                AttrChecks.sattr(0666L, null, null), null), NfsStatus.NFS3ERR_PERM,
                "SETATTR(hello.txt of root, mode=0666) as uid 1000"));
        s.check("ERR.PERM.mknod-chardev-user", () -> ErrorChecks.status(user.mknod(c.walk(WireTree.OPEN), "n-dev",
                NfsType.NFS_CHR, AttrChecks.sattr(0644L, null, null), new long[] {1, 3}), NfsStatus.NFS3ERR_PERM,
                "MKNOD(open/n-dev, CHR 1,3) as uid 1000 in a 1777 directory"));
        s.check("ERR.PERM.mknod-chardev-squashed-root", () -> {
            WireClient squash = s.mount(WireTree.SQUASH);
            return ErrorChecks.status(squash.mknod(squash.walk(WireTree.OPEN), "n-dev", NfsType.NFS_CHR,
                    AttrChecks.sattr(0644L, null, null), new long[] {1, 3}), NfsStatus.NFS3ERR_PERM,
                    "MKNOD(squash/open/n-dev, CHR 1,3) as root squashed to 65534");
        });

        s.check("ERR.ROFS", () -> {
            WireClient ro = s.mount(WireTree.RO);
            byte[] file = ro.walk(WireTree.HELLO);
            byte[] root = ro.root();
            NfsStatus rofs = NfsStatus.NFS3ERR_ROFS;
            Expect.status(ro.write(file, 0, new byte[4], NfsWriteRequest.FILE_SYNC), rofs, "WRITE(ro/hello.txt)");
            Expect.status(ro.setattr(file, AttrChecks.sattr(0600L, null, null), null), rofs, "SETATTR(ro/hello.txt)");
            Expect.status(ro.create(NfsCreateMode.UNCHECKED, root, "n-x", new NfsSetAttributes(), null), rofs,
                    "CREATE(ro/n-x)");
            Expect.status(ro.mkdir(root, "n-x", new NfsSetAttributes()), rofs, "MKDIR(ro/n-x)");
            Expect.status(ro.symlink(root, "n-x", "y"), rofs, "SYMLINK(ro/n-x)");
            Expect.status(ro.remove(root, WireTree.HELLO), rofs, "REMOVE(ro/hello.txt)");
            Expect.status(ro.rmdir(root, WireTree.SUB), rofs, "RMDIR(ro/sub)");
            Expect.status(ro.rename(root, WireTree.HELLO, root, "n-x"), rofs, "RENAME(ro/hello.txt -> n-x)");
            Expect.status(ro.link(file, root, "n-x"), rofs, "LINK(ro/hello.txt, n-x)");
            Expect.status(ro.commit(file, 0, 0), rofs, "COMMIT(ro/hello.txt)");
            Expect.equal(WireTree.HELLO_TEXT, Files.readString(s.tree().export(WireTree.RO).resolve(WireTree.HELLO)),
                    "ro/hello.txt on disk");
            return "WRITE SETATTR CREATE MKDIR SYMLINK REMOVE RMDIR RENAME LINK COMMIT: ROFS; nothing changed";
        });

        s.check("ERR.XDEV.rename-across-exports", () -> {
            WireClient gone = s.mount(WireTree.GONE);
            Files.writeString(s.tree().rw("n-xdev"), "x");
            return ErrorChecks.status(c.rename(c.root(), "n-xdev", gone.root(), "n-xdev"), NfsStatus.NFS3ERR_XDEV,
                    "RENAME(rw/n-xdev -> gone/n-xdev)");
        });
        s.check("ERR.XDEV.link-across-exports", () -> {
            WireClient gone = s.mount(WireTree.GONE);
            return ErrorChecks.status(c.link(c.walk(WireTree.HELLO), gone.root(), "n-xdev-link"),
                    NfsStatus.NFS3ERR_XDEV, "LINK(rw/hello.txt, gone/n-xdev-link)");
        });
    }
}
