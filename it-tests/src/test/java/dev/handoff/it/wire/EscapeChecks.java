package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsDirectoryPlusEntry;
import com.emc.ecs.nfsclient.nfs.NfsResponseBase;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.NfsType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ways out of an export that a client can try with well-formed calls: a name that is a path ("../x",
 * "sub/inner.txt"), "." and ".." as names of new files, a symbolic link used as a directory, and the ".." entry
 * of the root in READDIR and READDIRPLUS. A component name is never a path (RFC 1813 §2.5 filename3, §3.3.3);
 * Linux knfsd answers a name with a slash with ACCES and a new "." or ".." with EXIST. Whatever the status, the
 * call must fail and nothing may appear outside the export.
 */
final class EscapeChecks {
    private static final NfsStatus[] REFUSED_NAME = {NfsStatus.NFS3ERR_ACCES, NfsStatus.NFS3ERR_INVAL,
            NfsStatus.NFS3ERR_NOENT, NfsStatus.NFS3ERR_EXIST};

    private EscapeChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        Path base = s.tree().base();
        s.check("ERR.NAME.lookup-path", () -> refused(c.lookup(c.root(), WireTree.SUB + "/inner.txt"),
                "LOOKUP(root, \"sub/inner.txt\")"));
        s.check("ERR.NAME.lookup-dotdot-path", () -> refused(c.lookup(c.root(), "../" + WireTree.OUTSIDE),
                "LOOKUP(root, \"../outside\")"));
        s.check("ERR.NAME.create-dotdot-path", () -> {
            byte[] root = c.root();
            String name = "../n-escape";
            refused(c.create(NfsCreateMode.UNCHECKED, root, name, new NfsSetAttributes(), null),
                    "CREATE(root, " + name + ")");
            refused(c.mkdir(root, name + "-dir", new NfsSetAttributes()), "MKDIR(root, " + name + "-dir)");
            refused(c.symlink(root, name + "-link", "x"), "SYMLINK(root, " + name + "-link)");
            refused(c.mknod(root, name + "-fifo", NfsType.NFS_FIFO, new NfsSetAttributes(), null),
                    "MKNOD(root, " + name + "-fifo)");
            Files.writeString(s.tree().rw("n-escapee"), "x");
            refused(c.rename(root, "n-escapee", root, name + "-renamed"), "RENAME(n-escapee -> " + name + "-renamed)");
            refused(c.link(c.walk(WireTree.HELLO), root, name + "-hardlink"),
                    "LINK(hello.txt, root, " + name + "-hardlink)");
            try (var above = Files.list(base)) {
                List<String> escaped = above.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("n-"))
                        .toList();
                Expect.isTrue(escaped.isEmpty(), "made outside the export: " + escaped);
            }
            return "CREATE MKDIR SYMLINK MKNOD RENAME LINK refused; nothing outside the export";
        });
        s.check("ERR.NAME.create-dot-names", () -> {
            for (String name : List.of(".", "..")) {
                refused(c.create(NfsCreateMode.GUARDED, c.walk(WireTree.SUB), name, new NfsSetAttributes(), null),
                        "CREATE(sub, \"" + name + "\", GUARDED)");
                refused(c.mkdir(c.walk(WireTree.SUB), name, new NfsSetAttributes()), "MKDIR(sub, \"" + name + "\")");
            }
            return "refused";
        });

        s.check("LOOKUP.symlink-not-followed", () -> {
            byte[] link = Expect.ok(c.lookup(c.root(), WireTree.LINK), "LOOKUP(root, link)").getFileHandle();
            Expect.equal(NfsType.NFS_LNK, c.attributes(link, "link").getType(), "type of what LOOKUP found");
            return "LOOKUP gives the link itself";
        });
        s.check("ERR.NOTDIR.symlink-as-directory", () -> {
            Files.createSymbolicLink(s.tree().rw("n-to-slash"), Path.of("/"));
            byte[] link = c.walk("n-to-slash");
            Expect.status(c.lookup(link, "etc"), NfsStatus.NFS3ERR_NOTDIR, "LOOKUP(n-to-slash -> /, etc)");
            Expect.status(c.readdir(link, 0, 0, 4096), NfsStatus.NFS3ERR_NOTDIR, "READDIR(n-to-slash -> /)");
            Expect.status(c.create(NfsCreateMode.GUARDED, link, "n-x", new NfsSetAttributes(), null),
                    NfsStatus.NFS3ERR_NOTDIR, "CREATE(n-to-slash -> /, n-x)");
            return "a link to / is not a directory to LOOKUP, READDIR or CREATE in";
        });

        s.check("READDIR.root-dotdot", () -> {
            long root = c.attributes(c.root(), "root").getFileid();
            long dotdot = Expect.ok(c.readdir(c.root(), 0, 0, 65536), "READDIR(root)").getEntries().stream()
                    .filter(e -> e.getFileName().equals("..")).findFirst().orElseThrow().getFileId();
            Expect.equal(root, dotdot, "fileid of \"..\" in READDIR(root) (the directory above has inode "
                    + Disk.ino(base) + ")");
            return "\"..\" of the root lists as the root";
        });
        s.check("READDIRPLUS.root-dotdot", () -> {
            long root = c.attributes(c.root(), "root").getFileid();
            NfsDirectoryPlusEntry dotdot = Expect.ok(c.readdirplus(c.root(), 0, 0, 65536, 262144),
                    "READDIRPLUS(root)").getEntries().stream().filter(e -> e.getFileName().equals("..")).findFirst()
                    .orElseThrow();
            Expect.equal(root, dotdot.getFileId(), "fileid of \"..\" in READDIRPLUS(root)");
            if (dotdot.getFileHandle() != null) {
                Expect.equal(root, c.attributes(dotdot.getFileHandle(), "\"..\" of root by its handle").getFileid(),
                        "the file the handle of \"..\" names (inode above the export: " + Disk.ino(base) + ")");
            }
            return "\"..\" of the root is the root"
                    + (dotdot.getFileHandle() == null ? " (no handle)" : ", handle too");
        });
    }

    private static String refused(NfsResponseBase r, String call) throws CheckFailed {
        Expect.oneOf(r, call, REFUSED_NAME);
        return WireClient.status(r);
    }
}
