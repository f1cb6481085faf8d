package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsDirectoryPlusEntry;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * READDIR and READDIRPLUS (RFC 1813 §3.3.16, §3.3.17) over a directory of {@value WireTree#BIG_ENTRIES} files,
 * in pages small enough to take dozens of calls, and the paging errors BAD_COOKIE and TOOSMALL.
 */
final class ReaddirChecks {
    static final int COUNT = 4096;

    private ReaddirChecks() {
    }

    static List<String> expectedBig() {
        List<String> names = new ArrayList<>(WireTree.bigNames());
        names.add(".");
        names.add("..");
        return names;
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        s.check("READDIR.paging", () -> {
            Listing l = Listing.readdir(c, c.walk(WireTree.BIG), 0, 0, COUNT);
            Listing.exactlyOnce(expectedBig(), l.names, "READDIR(big, count " + COUNT + ") over all pages");
            Expect.isTrue(l.pages > 1, "one page only: paging not exercised");
            Expect.equal(1, l.verifiers.size(), "distinct cookie verifiers across pages " + l.verifiers);
            return l.names.size() + " names in " + l.pages + " pages, each once";
        });
        s.check("READDIRPLUS.paging", () -> {
            Listing l = Listing.readdirplus(c, c.walk(WireTree.BIG), COUNT, 8 * COUNT);
            Listing.exactlyOnce(expectedBig(), l.names, "READDIRPLUS(big, dircount 4096, maxcount 32768)");
            Expect.isTrue(l.pages > 1, "one page only: paging not exercised");
            for (NfsDirectoryPlusEntry e : l.plusEntries) {
                String n = e.getFileName();
                Expect.isTrue(e.getFileHandle() != null && e.getAttributes() != null,
                        "READDIRPLUS entry " + n + " without handle or attributes");
                Expect.equal(e.getFileId(), e.getAttributes().getFileid(), "fileid of " + n + " vs its attributes");
            }
            NfsDirectoryPlusEntry sample = l.plusEntries.stream().filter(e -> e.getFileName().equals("f01234"))
                    .findFirst().orElseThrow();
            Expect.equal(Disk.ino(s.tree().rw(WireTree.BIG).resolve("f01234")),
                    c.attributes(sample.getFileHandle(), "big/f01234 by its READDIRPLUS handle").getFileid(),
                    "GETATTR via a READDIRPLUS handle vs disk");
            return l.names.size() + " names in " + l.pages + " pages, each with handle and attributes";
        });
        s.check("READDIR.resume-point-saved", () -> {
            Listing first = Listing.firstPage(c, c.walk(WireTree.BIG), COUNT);
            s.state().putLong("big.cookie", first.cookie);
            s.state().putLong("big.verifier", first.verifiers.first());
            s.state().putString("big.firstPage", String.join("/", first.names));
            return first.names.size() + " names on page 1; listing resumes after the restart at cookie " + first.cookie;
        });
        s.check("ERR.BAD_COOKIE.readdir", () -> {
            byte[] big = c.walk(WireTree.BIG);
            long verifier = s.state().getLong("big.verifier");
            long cookie = s.state().getLong("big.cookie");
            Expect.status(c.readdir(big, cookie, ~verifier, COUNT), NfsStatus.NFS3ERR_BAD_COOKIE,
                    "READDIR(big, cookie " + cookie + ", cookieverf " + Long.toHexString(~verifier)
                            + " not the server's " + Long.toHexString(verifier) + ")");
            return "BAD_COOKIE";
        });
        s.check("ERR.TOOSMALL.readdir", () -> {
            Expect.status(c.readdir(c.walk(WireTree.BIG), 0, 0, 16), NfsStatus.NFS3ERR_TOOSMALL,
                    "READDIR(big, count 16)");
            return "TOOSMALL";
        });
        s.check("ERR.TOOSMALL.readdirplus", () -> {
            Expect.status(c.readdirplus(c.walk(WireTree.BIG), 0, 0, 16, 16), NfsStatus.NFS3ERR_TOOSMALL,
                    "READDIRPLUS(big, dircount 16, maxcount 16)");
            return "TOOSMALL";
        });
        s.check("ERR.NOTDIR.readdir", () -> {
            Expect.status(c.readdir(c.walk(WireTree.HELLO), 0, 0, COUNT), NfsStatus.NFS3ERR_NOTDIR,
                    "READDIR(hello.txt)");
            return "NOTDIR";
        });
    }
}
