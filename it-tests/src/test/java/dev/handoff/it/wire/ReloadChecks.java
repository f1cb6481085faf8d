package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsStatus;

/**
 * After {@code gone} was removed from the exports file and the exports reloaded: its handles are STALE on
 * every call (RFC 1813 §2.6: the file system is no longer available to this client), while the other exports
 * carry on.
 */
final class ReloadChecks {
    private ReloadChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        WireState st = s.state();
        s.check("RELOAD.kept-export-still-served", () -> {
            c.attributes(st.handle("hello"), "rw/hello.txt");
            return "rw still answers";
        });
        s.check("ERR.STALE.removed-export-root", () -> ErrorChecks.status(c.getattr(st.handle("gone.root")),
                NfsStatus.NFS3ERR_STALE, "GETATTR(root of the removed export gone)"));
        s.check("ERR.STALE.removed-export-file", () -> ErrorChecks.status(c.read(st.handle("gone.kept"), 0, 10),
                NfsStatus.NFS3ERR_STALE, "READ(gone/kept.txt after gone was removed)"));
        s.check("ERR.STALE.removed-export-lookup", () -> ErrorChecks.status(c.lookup(st.handle("gone.root"),
                WireTree.KEPT), NfsStatus.NFS3ERR_STALE, "LOOKUP(gone root, kept.txt after gone was removed)"));
    }
}
