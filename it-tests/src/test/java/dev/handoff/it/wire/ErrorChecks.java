package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsResponseBase;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.NfsType;
import com.emc.ecs.nfsclient.nfs.NfsWriteRequest;
import java.nio.file.Files;

/**
 * The errors of the name space (RFC 1813 §2.6): NOENT, EXIST, NOTDIR, ISDIR, NOTEMPTY, NAMETOOLONG, INVAL and
 * BADTYPE. Where the RFC's per-procedure lists leave a case open, the expectation is what Linux knfsd answers,
 * since that is what Linux clients are written against.
 */
final class ErrorChecks {
    private ErrorChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        s.check("ERR.NOENT.lookup", () -> status(c.lookup(c.root(), "n-missing"), NfsStatus.NFS3ERR_NOENT,
                "LOOKUP(root, n-missing)"));
        s.check("ERR.NOENT.remove", () -> status(c.remove(c.root(), "n-missing"), NfsStatus.NFS3ERR_NOENT,
                "REMOVE(root, n-missing)"));
        s.check("ERR.NOENT.rename-source", () -> status(c.rename(c.root(), "n-missing", c.root(), "n-other"),
                NfsStatus.NFS3ERR_NOENT, "RENAME(n-missing -> n-other)"));

        s.check("ERR.EXIST.mkdir", () -> status(c.mkdir(c.root(), WireTree.SUB, AttrChecks.sattr(0755L, null, null)),
                NfsStatus.NFS3ERR_EXIST, "MKDIR(root, sub) when sub exists"));
        s.check("ERR.EXIST.symlink", () -> status(c.symlink(c.root(), WireTree.HELLO, "x"), NfsStatus.NFS3ERR_EXIST,
                "SYMLINK(root, hello.txt -> x) when hello.txt exists"));
        s.check("ERR.EXIST.link", () -> status(c.link(c.walk(WireTree.ATTR), c.root(), WireTree.HELLO),
                NfsStatus.NFS3ERR_EXIST, "LINK(attr.txt, root, hello.txt) when hello.txt exists"));

        s.check("ERR.NOTDIR.lookup", () -> status(c.lookup(c.walk(WireTree.HELLO), "x"), NfsStatus.NFS3ERR_NOTDIR,
                "LOOKUP(hello.txt, x)"));
        s.check("ERR.NOTDIR.create", () -> status(c.create(NfsCreateMode.UNCHECKED, c.walk(WireTree.HELLO), "x",
                new NfsSetAttributes(), null), NfsStatus.NFS3ERR_NOTDIR, "CREATE(hello.txt, x)"));
        s.check("ERR.NOTDIR.rmdir-file", () -> status(c.rmdir(c.root(), WireTree.HELLO), NfsStatus.NFS3ERR_NOTDIR,
                "RMDIR(root, hello.txt)"));

        s.check("ERR.ISDIR.remove-dir", () -> status(c.remove(c.root(), WireTree.SUB), NfsStatus.NFS3ERR_ISDIR,
                "REMOVE(root, sub) of a directory (knfsd: ISDIR, from unlink's EISDIR)"));
        s.check("ERR.ISDIR.read-dir", () -> {
            var r = Expect.oneOf(c.read(c.walk(WireTree.SUB), 0, 100), "READ(sub, 0, 100) of a directory",
                    NfsStatus.NFS3ERR_ISDIR, NfsStatus.NFS3ERR_INVAL);
            return WireClient.status(r) + " (knfsd: ISDIR)";
        });
        s.check("ERR.ISDIR.write-dir", () -> {
            var r = Expect.oneOf(c.write(c.walk(WireTree.SUB), 0, new byte[4], NfsWriteRequest.FILE_SYNC),
                    "WRITE(sub, 0, 4 bytes) to a directory", NfsStatus.NFS3ERR_ISDIR, NfsStatus.NFS3ERR_INVAL);
            return WireClient.status(r) + " (knfsd: ISDIR)";
        });

        s.check("ERR.NOTEMPTY.rmdir", () -> {
            status(c.rmdir(c.root(), WireTree.FULL), NfsStatus.NFS3ERR_NOTEMPTY, "RMDIR(root, full) with a file in it");
            Expect.isTrue(Files.exists(s.tree().rw(WireTree.FULL).resolve("child.txt")), "full/child.txt vanished");
            return "NOTEMPTY, nothing removed";
        });

        String longName = "n".repeat(256);
        String longestName = "n".repeat(255);
        s.check("ERR.NAMETOOLONG.lookup", () -> status(c.lookup(c.root(), longName), NfsStatus.NFS3ERR_NAMETOOLONG,
                "LOOKUP(root, 256-byte name)"));
        s.check("ERR.NAMETOOLONG.create", () -> status(c.create(NfsCreateMode.GUARDED, c.root(), longName,
                new NfsSetAttributes(), null), NfsStatus.NFS3ERR_NAMETOOLONG, "CREATE(root, 256-byte name)"));
        s.check("ERR.NAMETOOLONG.mkdir", () -> status(c.mkdir(c.root(), longName, new NfsSetAttributes()),
                NfsStatus.NFS3ERR_NAMETOOLONG, "MKDIR(root, 256-byte name)"));
        s.check("CREATE.255-byte-name", () -> {
            Expect.ok(c.create(NfsCreateMode.GUARDED, c.root(), longestName, new NfsSetAttributes(), null),
                    "CREATE(root, 255-byte name)");
            Expect.isTrue(Files.exists(s.tree().rw(longestName)), "255-byte name not on disk");
            Expect.ok(c.remove(c.root(), longestName), "REMOVE(root, 255-byte name)");
            return "the longest name is fine";
        });

        s.check("ERR.INVAL.readlink-file", () -> status(c.readlink(c.walk(WireTree.HELLO)), NfsStatus.NFS3ERR_INVAL,
                "READLINK(hello.txt) of a regular file"));
        s.check("ERR.INVAL.read-offset", () -> status(c.read(c.walk(WireTree.HELLO), Long.MIN_VALUE, 10),
                NfsStatus.NFS3ERR_INVAL, "READ(hello.txt, offset 2^63, 10)"));
        s.check("ERR.BADTYPE.mknod-regular", () -> status(c.mknod(c.root(), "n-reg", NfsType.NFS_REG,
                new NfsSetAttributes(), null), NfsStatus.NFS3ERR_BADTYPE, "MKNOD(root, n-reg, NF3REG)"));
        s.check("ERR.BADTYPE.mknod-dir", () -> status(c.mknod(c.root(), "n-regdir", NfsType.NFS_DIR,
                new NfsSetAttributes(), null), NfsStatus.NFS3ERR_BADTYPE, "MKNOD(root, n-regdir, NF3DIR)"));
    }

    static String status(NfsResponseBase r, NfsStatus expected, String call)
            throws CheckFailed {
        Expect.status(r, expected, call);
        return Statuses.name(expected.getValue());
    }
}
