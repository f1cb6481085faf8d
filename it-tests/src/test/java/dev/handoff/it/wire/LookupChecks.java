package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.Nfs;
import com.emc.ecs.nfsclient.nfs.NfsGetAttributes;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3AccessResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3LookupResponse;
import java.util.Arrays;

/** LOOKUP, ACCESS and READLINK (RFC 1813 §3.3.3 to §3.3.5). */
final class LookupChecks {
    private static final long ALL = Nfs.ACCESS3_READ | Nfs.ACCESS3_LOOKUP | Nfs.ACCESS3_MODIFY
            | Nfs.ACCESS3_EXTEND | Nfs.ACCESS3_DELETE | Nfs.ACCESS3_EXECUTE;

    private LookupChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        s.check("LOOKUP.file", () -> {
            Nfs3LookupResponse r = Expect.ok(c.lookup(c.root(), WireTree.HELLO), "LOOKUP(root, hello.txt)");
            NfsGetAttributes a = c.attributes(r.getFileHandle(), "the handle LOOKUP gave");
            Expect.equal(Disk.ino(s.tree().rw(WireTree.HELLO)), a.getFileid(), "fileid vs inode on disk");
            Expect.isTrue(r.getAttributes() != null, "LOOKUP reply has no object attributes");
            Expect.isTrue(r.getDirectoryAttributes() != null, "LOOKUP reply has no directory attributes");
            return "handle of " + r.getFileHandle().length + " bytes, fileid " + a.getFileid();
        });
        s.check("LOOKUP.dot", () -> {
            Nfs3LookupResponse r = Expect.ok(c.lookup(c.root(), "."), "LOOKUP(root, \".\")");
            Expect.equal(c.attributes(c.root(), "root").getFileid(), c.attributes(r.getFileHandle(), ".").getFileid(),
                    "fileid of \".\" vs root");
            return "\".\" is the root";
        });
        s.check("LOOKUP.dotdot-of-root", () -> {
            Nfs3LookupResponse r = Expect.ok(c.lookup(c.root(), ".."), "LOOKUP(root, \"..\")");
            long root = c.attributes(c.root(), "root").getFileid();
            long parent = c.attributes(r.getFileHandle(), "\"..\" of root").getFileid();
            Expect.equal(root, parent, "fileid of \"..\" of the export root (must stay in the export; the directory "
                    + "above has inode " + Disk.ino(s.tree().base()) + ")");
            return "\"..\" of the root is the root" + (Arrays.equals(c.root(), r.getFileHandle())
                    ? ", same handle" : " (a different handle for it)");
        });
        s.check("LOOKUP.dotdot-of-subdir", () -> {
            byte[] sub = c.walk(WireTree.SUB);
            Nfs3LookupResponse r = Expect.ok(c.lookup(sub, ".."), "LOOKUP(sub, \"..\")");
            Expect.equal(c.attributes(c.root(), "root").getFileid(), c.attributes(r.getFileHandle(), "..").getFileid(),
                    "fileid of sub/..");
            return "sub/.. is the root";
        });

        s.check("ACCESS.root-file", () -> {
            Nfs3AccessResponse r = Expect.ok(c.access(c.walk(WireTree.HELLO), ALL),
                    "ACCESS(hello.txt 0644 root, all) as root");
            long want = Nfs.ACCESS3_READ | Nfs.ACCESS3_MODIFY | Nfs.ACCESS3_EXTEND;
            Expect.equal(want, r.getAccess() & want, "READ|MODIFY|EXTEND granted to root");
            Expect.equal(0L, r.getAccess() & Nfs.ACCESS3_EXECUTE, "EXECUTE of a file with no x bit");
            return "granted 0x" + Long.toHexString(r.getAccess());
        });
        s.check("ACCESS.user-file", () -> {
            Nfs3AccessResponse r = Expect.ok(s.user().access(c.walk(WireTree.HELLO), ALL),
                    "ACCESS(hello.txt 0644 root, all) as uid 1000");
            Expect.equal(Nfs.ACCESS3_READ, r.getAccess() & (Nfs.ACCESS3_READ | Nfs.ACCESS3_MODIFY
                    | Nfs.ACCESS3_EXTEND), "READ only, not MODIFY/EXTEND");
            return "granted 0x" + Long.toHexString(r.getAccess());
        });
        s.check("ACCESS.user-dir", () -> {
            Nfs3AccessResponse r = Expect.ok(s.user().access(c.walk(WireTree.LOCKED), ALL),
                    "ACCESS(locked 0755 root, all) as uid 1000");
            long want = Nfs.ACCESS3_READ | Nfs.ACCESS3_LOOKUP;
            Expect.equal(want, r.getAccess() & (want | Nfs.ACCESS3_MODIFY | Nfs.ACCESS3_EXTEND | Nfs.ACCESS3_DELETE),
                    "READ|LOOKUP only, not MODIFY/EXTEND/DELETE");
            return "granted 0x" + Long.toHexString(r.getAccess());
        });
        s.check("ACCESS.read-only-export", () -> {
            WireClient ro = s.mount(WireTree.RO);
            Nfs3AccessResponse r = Expect.ok(ro.access(ro.walk(WireTree.HELLO), ALL),
                    "ACCESS(ro/hello.txt, all) as root");
            Expect.equal(Nfs.ACCESS3_READ, r.getAccess() & (Nfs.ACCESS3_READ | Nfs.ACCESS3_MODIFY
                    | Nfs.ACCESS3_EXTEND), "READ only on a read-only export");
            return "granted 0x" + Long.toHexString(r.getAccess());
        });

        s.check("READLINK", () -> {
            String text = Expect.ok(c.readlink(c.walk(WireTree.LINK)), "READLINK(link)").getData();
            Expect.equal(WireTree.HELLO, text, "link text");
            return "link -> " + text;
        });
    }
}
