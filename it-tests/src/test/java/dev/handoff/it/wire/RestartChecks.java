package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsWriteRequest;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3LookupResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReadResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3WriteResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * After the server was stopped and started again on the same state directory: every handle given out before
 * still names its file (DESIGN.md §4), a directory listing resumes at a cookie from before, and the write
 * verifier has changed, which is how clients learn that unstable writes may be lost (RFC 1813 §3.3.7).
 */
final class RestartChecks {
    private RestartChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        WireState st = s.state();
        s.check("RESTART.mount-same-root", () -> {
            Expect.equal(Handles.hex(st.handle("root")), Handles.hex(c.root()), "root handle from MOUNT");
            return "MOUNT gives the root handle it gave before";
        });
        for (String name : HandleChecks.SAVED) {
            s.check("RESTART.getattr-" + name, () -> {
                long fileid = c.attributes(st.handle(name), name + " by its handle from before the restart")
                        .getFileid();
                Expect.equal(st.getLong("fileid." + name), fileid, "fileid of " + name);
                return "fileid " + fileid;
            });
        }
        s.check("RESTART.read-old-handle", () -> {
            Nfs3ReadResponse r = Expect.ok(c.read(st.handle("hello"), 0, 100), "READ(old hello.txt handle)");
            Expect.equal(WireTree.HELLO_TEXT, new String(r.getBytes(), StandardCharsets.UTF_8), "data");
            return "data as before";
        });
        s.check("RESTART.lookup-in-old-dir", () -> {
            Nfs3LookupResponse r = Expect.ok(c.lookup(st.handle("sub"), ".."), "LOOKUP(old sub handle, \"..\")");
            Expect.equal(st.getLong("fileid.root"), c.attributes(r.getFileHandle(), "sub/..").getFileid(),
                    "fileid of sub/..");
            return "sub/.. is the root";
        });
        s.check("RESTART.readdir-resumes", () -> {
            long cookie = st.getLong("big.cookie");
            Listing rest = Listing.readdir(c, st.handle("big"), cookie, st.getLong("big.verifier"),
                    ReaddirChecks.COUNT);
            List<String> all = new ArrayList<>(Arrays.asList(st.getString("big.firstPage").split("/")));
            all.addAll(rest.names);
            Listing.exactlyOnce(ReaddirChecks.expectedBig(), all,
                    "page 1 before the restart + READDIR(big, cookie " + cookie + ", old verifier) after it");
            return "resumed at cookie " + cookie + " with the old verifier; every name once";
        });
        s.check("RESTART.write-verifier-changed", () -> {
            Nfs3WriteResponse r = Expect.ok(c.write(st.handle("data"), 0, new byte[4], NfsWriteRequest.UNSTABLE),
                    "WRITE(old n-data.bin handle, UNSTABLE)");
            long before = st.getLong("verifier");
            Expect.isTrue(r.getVerf() != before, "write verifier " + Long.toHexString(r.getVerf())
                    + " is the one from before the restart: clients would not resend their unstable writes");
            st.putLong("verifier.after", r.getVerf());
            return Long.toHexString(before) + " -> " + Long.toHexString(r.getVerf());
        });
        s.check("RESTART.write-verifier-stable", () -> {
            Nfs3WriteResponse r = Expect.ok(c.write(st.handle("data"), 4, new byte[4], NfsWriteRequest.UNSTABLE),
                    "WRITE(n-data.bin, UNSTABLE) again");
            long commit = Expect.ok(c.commit(st.handle("data"), 0, 0), "COMMIT(n-data.bin)").getVerf();
            Expect.equal(st.getLong("verifier.after"), r.getVerf(), "verifier of the next WRITE");
            Expect.equal(st.getLong("verifier.after"), commit, "verifier of COMMIT");
            return "the new verifier holds across WRITE and COMMIT";
        });
    }
}
