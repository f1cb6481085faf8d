package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.ANON_GID;
import static dev.handoff.it.hostile.HostileTree.ANON_UID;
import static dev.handoff.it.hostile.HostileTree.LISTED;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * exports(5) options as a listed client meets them: {@code secure} (the default) refuses calls from source ports
 * of 1024 and above (NFS3ERR_PERM as knfsd answers, MNT3ERR_ACCES for MOUNT) and {@code insecure} takes them;
 * {@code root_squash} (the default) and {@code all_squash} with anonuid/anongid decide the owner of what a
 * caller creates, checked on disk, and a squashed root cannot read another user's 0600 file.
 */
final class AccessChecks {
    private static final int NOBODY = 65534;

    private AccessChecks() {
    }

    static void run(Session s) throws Exception {
        Opaque a = s.root(LISTED, "a");
        s.checks().check("port.secure-refuses-unprivileged", () -> {
            try (RpcLink link = s.to(LISTED, Session.NFS_PORT, false)) {
                RpcReply r = new Nfs(link, Cred.ROOT).getattr(a);
                Checks.expect(r.success() && r.status() == Nfs.PERM, "GETATTR on secure export a from port %d "
                        + "answered %s, want NFS3ERR_PERM", link.localPort(), r);
                return "port " + link.localPort() + ": " + r;
            }
        });
        s.checks().check("port.secure-mnt-refuses-unprivileged", () -> {
            try (RpcLink link = s.to(LISTED, Session.MOUNT_PORT, false)) {
                RpcReply r = new Nfs(link, Cred.ROOT).mount(1, x -> x.writeString(s.tree().export("a").toString()));
                Checks.expect(r.success() && r.status() == 13, "MNT of secure export a from port %d answered %s,"
                        + " want MNT3ERR_ACCES", link.localPort(), r);
                return r.toString();
            }
        });
        s.checks().check("port.insecure-allows-unprivileged", () -> {
            Opaque open = s.root(LISTED, "open");
            try (RpcLink link = s.to(LISTED, Session.NFS_PORT, false)) {
                Nfs nfs = new Nfs(link, Cred.ROOT);
                RpcReply r = nfs.lookup(open, "o.txt");
                Checks.expect(r.success() && r.status() == Nfs.OK, "LOOKUP on insecure export from port %d "
                        + "answered %s", link.localPort(), r);
                return "port " + link.localPort() + ": OK";
            }
        });
        s.checks().check("squash.root-becomes-anonymous", () -> created(s, "squash", "by-root", Cred.ROOT,
                NOBODY, NOBODY));
        s.checks().check("squash.user-kept-under-root-squash", () -> created(s, "squash", "by-user",
                Cred.sys(1000, 1000), 1000, 1000));
        s.checks().check("squash.root-cannot-read-private", () -> {
            Opaque root = s.root(LISTED, "squash");
            try (RpcLink link = s.nfs(LISTED)) {
                Nfs nfs = new Nfs(link, Cred.ROOT);
                Opaque secret = Nfs.found(nfs.lookup(root, "private.txt"), "LOOKUP private.txt");
                RpcReply r = nfs.read(secret, 100);
                Checks.expect(r.success() && r.status() == Nfs.ACCES, "squashed root READ of a 0600 file of uid "
                        + "1000 answered %s, want ACCES", r);
                return r.toString();
            }
        });
        s.checks().check("squash.all-squash-user", () -> created(s, "allsq", "by-user", Cred.sys(1000, 1000),
                ANON_UID, ANON_GID));
        s.checks().check("squash.all-squash-root", () -> created(s, "allsq", "by-root", Cred.ROOT, ANON_UID,
                ANON_GID));
        s.checks().check("squash.no-root-squash-keeps-root", () -> created(s, "open", "by-root", Cred.ROOT, 0, 0));
    }

    /** CREATE {@code name} in {@code export}'s root as {@code who}; the file on disk must belong to uid:gid. */
    private static String created(Session s, String export, String name, Cred who, int uid, int gid)
            throws Exception {
        Opaque root = s.root(LISTED, export);
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs.made(new Nfs(link, who).create(root, name), "CREATE " + name + " in " + export);
        }
        Path file = s.tree().export(export).resolve(name);
        int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int group = (Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        Checks.expect(owner == uid && group == gid, "%s created in %s belongs to %d:%d, want %d:%d", name, export,
                owner, group, uid, gid);
        return name + " is " + owner + ":" + group;
    }
}
