package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsGetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsPreOpAttributes;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsWccData;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3MkdirRequest;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3RemoveRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Retransmissions and weak cache consistency. The library puts the xid in the request object, so sending one
 * object twice is what a client's retransmission is: same xid, same connection, same bytes. A non-idempotent
 * call answered from the duplicate reply cache gets its first reply again (DESIGN.md §3, knfsd's RC_REPLBUFF),
 * where running it twice would say NOENT or EXIST. wcc_data (RFC 1813 §2.6) must carry the directory's
 * attributes from just before and just after the change.
 */
final class ReplyCacheChecks {
    private ReplyCacheChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        Nfs3 nfs = c.nfs();
        s.check("DRC.remove-retransmitted", () -> {
            Files.writeString(s.tree().rw("n-drc"), "x");
            Nfs3RemoveRequest remove = nfs.makeRemoveRequest(c.root(), "n-drc");
            Expect.ok(nfs.sendRemove(remove), "REMOVE(n-drc)");
            Expect.ok(nfs.sendRemove(remove), "REMOVE(n-drc) retransmitted with the same xid");
            return "the retransmission got the cached NFS3_OK, not NOENT";
        });
        s.check("DRC.mkdir-retransmitted", () -> {
            Nfs3MkdirRequest mkdir = nfs.makeMkdirRequest(c.root(), "n-drc-dir", AttrChecks.sattr(0755L, null, null));
            byte[] first = Expect.ok(nfs.sendMkdir(mkdir), "MKDIR(n-drc-dir)").getFileHandle();
            byte[] again = Expect.ok(nfs.sendMkdir(mkdir), "MKDIR(n-drc-dir) retransmitted with the same xid")
                    .getFileHandle();
            Expect.equal(Handles.hex(first), Handles.hex(again), "handle in the replayed reply");
            return "the retransmission got the cached reply, not EXIST";
        });
        s.check("WCC.create", () -> {
            byte[] sub = c.walk(WireTree.SUB);
            NfsGetAttributes before = c.attributes(sub, "sub before CREATE");
            NfsWccData wcc = Expect.ok(c.create(NfsCreateMode.GUARDED, sub, "n-wcc",
                    new NfsSetAttributes(), null), "CREATE(sub/n-wcc)").getDirectoryWccData();
            NfsPreOpAttributes pre = wcc.getPreOpAttributes();
            NfsGetAttributes post = wcc.getAttributes();
            Expect.isTrue(pre != null && post != null, "wcc_data of sub lacks pre-op or post-op attributes");
            Expect.equal(Times.instant(before.getMtime()), Times.instant(pre.getMTime()),
                    "pre-op mtime vs GETATTR before");
            Expect.equal(before.getSize(), pre.getSize(), "pre-op size vs GETATTR before");
            Path dir = s.tree().rw(WireTree.SUB);
            Expect.equal(Disk.mtime(dir), Times.instant(post.getMtime()), "post-op mtime vs disk after");
            Expect.equal(Disk.ctime(dir), Times.instant(post.getCtime()), "post-op ctime vs disk after");
            return "pre-op " + Times.instant(pre.getMTime()) + ", post-op " + Times.instant(post.getMtime());
        });
    }
}
