package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.LISTED;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AUTH_SYS credentials beyond RFC 5531 appendix A (more than 16 gids, a machine name over 255 bytes): refused
 * with AUTH_ERROR/AUTH_BADCRED, or the connection closed, and the server answers the next caller as before.
 * Ids at the edges (0xffffffff, which setfsuid(2) would read as "keep the current id", and 2^31 - 1) must never
 * leave a thread running as root: a file created with them is not root's.
 */
final class CredentialChecks {
    private CredentialChecks() {
    }

    static void run(Session s) throws Exception {
        Opaque root = s.root(LISTED, "a");
        Map<String, Cred> oversize = new LinkedHashMap<>();
        oversize.put("17-gids", Cred.sys("hostile", 1000, 1000, gids(17)));
        oversize.put("1000-gids", Cred.sys("hostile", 1000, 1000, gids(1000)));
        oversize.put("machine-256", Cred.sys(filled(256), 1000, 1000, new int[0]));
        oversize.put("machine-64k", Cred.sys(filled(64 * 1024), 1000, 1000, new int[0]));
        for (Map.Entry<String, Cred> c : oversize.entrySet()) {
            s.checks().check("cred." + c.getKey() + "-refused", () -> {
                String outcome;
                try (RpcLink link = s.nfs(LISTED)) {
                    RpcReply r = new Nfs(link, c.getValue()).getattr(root);
                    outcome = r.outcome();
                    Checks.expect(outcome.equals("AUTH_ERROR:AUTH_BADCRED") || outcome.equals("CLOSED"),
                            "GETATTR with AUTH_SYS %s answered %s, want AUTH_BADCRED or a closed connection",
                            c.getKey(), r);
                    if (!outcome.equals("CLOSED")) {
                        RpcReply again = new Nfs(link, Cred.ROOT).getattr(root);
                        Checks.expect(again.success() && again.status() == Nfs.OK,
                                "the same connection then answered GETATTR %s", again);
                    }
                }
                healthy(s, root);
                return outcome + "; server healthy after";
            });
        }
        int n = 0;
        for (int[] ids : new int[][] {{-1, -1}, {-1, 1000}, {1000, -1}, {Integer.MAX_VALUE, Integer.MAX_VALUE},
                {65535, 65535}}) {
            String name = "edge-" + n++;
            s.checks().check("cred.ids-" + Integer.toUnsignedString(ids[0]) + "-" + Integer.toUnsignedString(ids[1]),
                    () -> edge(s, root, name, ids[0], ids[1]));
        }
    }

    /** CREATE in a/open (01777) as uid:gid: refused, or a file that is neither root's nor root's group's. */
    private static String edge(Session s, Opaque root, String name, int uid, int gid) throws Exception {
        RpcReply r;
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.sys("hostile", uid, gid, new int[0]));
            Opaque open = Nfs.found(new Nfs(link, Cred.ROOT).lookup(root, "open"), "LOOKUP open");
            r = nfs.create(open, name);
        }
        Path file = s.tree().export("a").resolve("open").resolve(name);
        healthy(s, root);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "refused: " + r;
        }
        int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int group = (Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        Checks.expect(owner == uid && group == gid, "CREATE as %s:%s made a file of %d:%d",
                Integer.toUnsignedString(uid), Integer.toUnsignedString(gid), owner, group);
        return "made, owned " + Integer.toUnsignedString(owner) + ":" + Integer.toUnsignedString(group);
    }

    /** A fresh caller still gets answers. */
    static void healthy(Session s, Opaque root) throws Exception {
        try (RpcLink link = s.nfs(LISTED)) {
            RpcReply r = new Nfs(link, Cred.ROOT).getattr(root);
            Checks.expect(r.success() && r.status() == Nfs.OK, "the server no longer answers: GETATTR %s", r);
        }
    }

    private static int[] gids(int n) {
        int[] g = new int[n];
        Arrays.setAll(g, i -> 2000 + i);
        return g;
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'm');
        return b;
    }
}
