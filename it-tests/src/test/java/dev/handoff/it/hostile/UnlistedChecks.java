package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.LISTED;
import static dev.handoff.it.hostile.HostileTree.UNLISTED;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A client address no export lists, holding valid handles (a listed client's, learned somehow): every NFS
 * procedure that takes a handle answers NFS3ERR_ACCES (RFC 1813 has no better word; knfsd answers the same),
 * NULL aside (it reaches no file); MOUNT MNT answers MNT3ERR_ACCES; UMNT from it removes nothing of the listed
 * client; and nothing on disk changes.
 */
final class UnlistedChecks {
    private UnlistedChecks() {
    }

    static void run(Session s) throws Exception {
        Opaque root = s.root(LISTED, "a");
        Opaque hello;
        Opaque sub;
        Opaque etc;
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.ROOT);
            hello = Nfs.found(nfs.lookup(root, "hello.txt"), "LOOKUP hello.txt");
            sub = Nfs.found(nfs.lookup(root, "sub"), "LOOKUP sub");
            etc = Nfs.found(nfs.lookup(root, "etc"), "LOOKUP etc");
        }
        DiskSnapshot before = DiskSnapshot.of(s.tree().base());
        for (Map.Entry<String, Call> c : calls(root, hello, sub, etc).entrySet()) {
            s.checks().check("unlisted.nfs." + c.getKey(), () -> {
                try (RpcLink link = s.nfs(UNLISTED)) {
                    RpcReply r = new Nfs(link, Cred.ROOT).nfs(c.getValue().procedure(), c.getValue().args());
                    boolean refused = r.outcome().startsWith("AUTH_ERROR") || r.success() && r.status() == Nfs.ACCES;
                    Checks.expect(refused, "%s from unlisted %s answered %s, want NFS3ERR_ACCES", c.getKey(),
                            UNLISTED, r);
                    return r.toString();
                }
            });
        }
        s.checks().check("unlisted.nfs.no-side-effect", () -> {
            DiskSnapshot after = DiskSnapshot.of(s.tree().base());
            Checks.expect(after.equals(before), "calls from %s changed the disk: %s", UNLISTED,
                    after.differences(before));
            return after.entries().size() + " entries unchanged";
        });
        s.checks().check("unlisted.mount.mnt", () -> {
            try (RpcLink link = s.mount(UNLISTED)) {
                RpcReply r = new Nfs(link, Cred.ROOT).mount(1, x -> x.writeString(s.tree().export("a").toString()));
                Checks.expect(r.success() && r.status() == 13, "MNT from %s answered %s, want MNT3ERR_ACCES",
                        UNLISTED, r);
                return r.toString();
            }
        });
        s.checks().check("unlisted.mount.umnt-removes-nothing", () -> {
            String a = s.tree().export("a").toString();
            try (RpcLink link = s.mount(UNLISTED)) {
                Nfs m = new Nfs(link, Cred.ROOT);
                m.mount(3, x -> x.writeString(a));
                m.mount(4, x -> { });
            }
            try (RpcLink link = s.mount(LISTED)) {
                RpcReply dump = new Nfs(link, Cred.ROOT).mount(2, x -> { });
                String listing = new String(dump.result(), java.nio.charset.StandardCharsets.ISO_8859_1);
                Checks.expect(listing.contains(LISTED), "after UMNT/UMNTALL from %s, DUMP lost %s's mount",
                        UNLISTED, LISTED);
                return "DUMP still lists " + LISTED;
            }
        });
        s.checks().check("unlisted.mount.export-and-dump-reveal-nothing", () -> {
            try (RpcLink link = s.mount(UNLISTED)) {
                Nfs m = new Nfs(link, Cred.ROOT);
                RpcReply export = m.mount(5, x -> { });
                RpcReply dump = m.mount(2, x -> { });
                String text = new String(export.result(), java.nio.charset.StandardCharsets.ISO_8859_1)
                        + new String(dump.result(), java.nio.charset.StandardCharsets.ISO_8859_1);
                boolean refused = export.outcome().startsWith("AUTH_ERROR") || !text.contains(LISTED);
                Checks.expect(refused, "EXPORT/DUMP from unlisted %s list the exports and their clients: %s",
                        UNLISTED, text.replaceAll("[^ -~]", "."));
                return "EXPORT " + export.outcome() + ", DUMP " + dump.outcome();
            }
        });
    }

    /** A procedure and its arguments. */
    record Call(int procedure, Consumer<XdrEncoder> args) {
    }

    /** All 21 procedures that name a file (RFC 1813 §3.3.1-3.3.21), each with valid handles of export a. */
    static Map<String, Call> calls(Opaque root, Opaque file, Opaque dir, Opaque link) {
        Map<String, Call> c = new LinkedHashMap<>();
        c.put("GETATTR", new Call(1, x -> x.writeOpaque(file)));
        c.put("SETATTR", new Call(2, x -> {
            x.writeOpaque(file);
            Nfs.mode(x, 0777);
            x.writeBool(false);
        }));
        c.put("LOOKUP", new Call(3, x -> x.writeOpaque(root).writeString("hello.txt")));
        c.put("ACCESS", new Call(4, x -> x.writeOpaque(file).writeInt(0x3f)));
        c.put("READLINK", new Call(5, x -> x.writeOpaque(link)));
        c.put("READ", new Call(6, x -> x.writeOpaque(file).writeHyper(0).writeInt(100)));
        c.put("WRITE", new Call(7, x -> x.writeOpaque(file).writeHyper(0).writeInt(4).writeEnum(2)
                .writeOpaque(new byte[] {'e', 'v', 'i', 'l'}, 0, 4)));
        c.put("CREATE", new Call(8, x -> {
            x.writeOpaque(root).writeString("planted").writeEnum(0);
            Nfs.mode(x, 0644);
        }));
        c.put("MKDIR", new Call(9, x -> {
            x.writeOpaque(root).writeString("planted-dir");
            Nfs.mode(x, 0755);
        }));
        c.put("SYMLINK", new Call(10, x -> {
            x.writeOpaque(root).writeString("planted-link");
            Nfs.mode(x, 0777);
            x.writeString("/etc/shadow");
        }));
        c.put("MKNOD", new Call(11, x -> {
            x.writeOpaque(root).writeString("planted-fifo").writeEnum(7);
            Nfs.mode(x, 0666);
        }));
        c.put("REMOVE", new Call(12, x -> x.writeOpaque(root).writeString("hello.txt")));
        c.put("RMDIR", new Call(13, x -> x.writeOpaque(root).writeString("sub")));
        c.put("RENAME", new Call(14, x -> x.writeOpaque(root).writeString("hello.txt").writeOpaque(dir)
                .writeString("moved")));
        c.put("LINK", new Call(15, x -> x.writeOpaque(file).writeOpaque(dir).writeString("linked")));
        c.put("READDIR", new Call(16, x -> x.writeOpaque(root).writeHyper(0).writeHyper(0).writeInt(4096)));
        c.put("READDIRPLUS", new Call(17, x -> x.writeOpaque(root).writeHyper(0).writeHyper(0).writeInt(4096)
                .writeInt(32768)));
        c.put("FSSTAT", new Call(18, x -> x.writeOpaque(root)));
        c.put("FSINFO", new Call(19, x -> x.writeOpaque(root)));
        c.put("PATHCONF", new Call(20, x -> x.writeOpaque(root)));
        c.put("COMMIT", new Call(21, x -> x.writeOpaque(file).writeHyper(0).writeInt(0)));
        return c;
    }
}
