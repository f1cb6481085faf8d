package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsDirectoryEntry;
import com.emc.ecs.nfsclient.nfs.NfsDirectoryPlusEntry;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReaddirResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReaddirplusResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A directory read page by page, as a client pages it (RFC 1813 §3.3.16, §3.3.17): each call resumes at the
 * cookie of the last entry of the one before, with the verifier the first returned. Records every name in the
 * order it came, so that a check can see names that repeat or go missing across pages.
 */
final class Listing {
    /** More pages than any listing here needs: a server that never says eof must not loop the client. */
    private static final int MAX_PAGES = 10_000;

    final List<String> names = new ArrayList<>();
    final List<NfsDirectoryPlusEntry> plusEntries = new ArrayList<>();
    final TreeSet<Long> verifiers = new TreeSet<>();
    int pages;
    long cookie;
    boolean eof;

    static Listing readdir(WireClient c, byte[] dir, long cookie, long verifier, int count) throws Exception {
        Listing l = new Listing();
        l.cookie = cookie;
        long verf = verifier;
        while (!l.eof && l.pages < MAX_PAGES) {
            Nfs3ReaddirResponse r = Expect.ok(c.readdir(dir, l.cookie, verf, count),
                    "READDIR(cookie " + l.cookie + ", page " + (l.pages + 1) + ")");
            l.add(r.getEntries(), r.isEof(), r.getCookieverf());
            verf = r.getCookieverf();
        }
        return l;
    }

    static Listing readdirplus(WireClient c, byte[] dir, int dircount, int maxcount) throws Exception {
        Listing l = new Listing();
        long verf = 0;
        while (!l.eof && l.pages < MAX_PAGES) {
            Nfs3ReaddirplusResponse r = Expect.ok(c.readdirplus(dir, l.cookie, verf, dircount, maxcount),
                    "READDIRPLUS(cookie " + l.cookie + ", page " + (l.pages + 1) + ")");
            l.plusEntries.addAll(r.getEntries());
            l.add(r.getEntries(), r.isEof(), r.getCookieverf());
            verf = r.getCookieverf();
        }
        return l;
    }

    /** The first page only, to be resumed later (after a server restart). */
    static Listing firstPage(WireClient c, byte[] dir, int count) throws Exception {
        Listing l = new Listing();
        Nfs3ReaddirResponse r = Expect.ok(c.readdir(dir, 0, 0, count), "READDIR(cookie 0, first page)");
        l.add(r.getEntries(), r.isEof(), r.getCookieverf());
        return l;
    }

    private void add(List<? extends NfsDirectoryEntry> entries, boolean end, long verifier) throws CheckFailed {
        pages++;
        verifiers.add(verifier);
        Expect.isTrue(end || !entries.isEmpty(), "page " + pages + " has no entries and no eof");
        for (NfsDirectoryEntry e : entries) {
            names.add(e.getFileName());
            cookie = e.getCookie();
        }
        eof = end;
    }

    /** Fails unless {@code names} holds each of {@code expected} exactly once and nothing else. */
    static void exactlyOnce(Collection<String> expected, List<String> names, String what) throws CheckFailed {
        Map<String, Integer> seen = new HashMap<>();
        names.forEach(n -> seen.merge(n, 1, Integer::sum));
        List<String> repeated = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(seen.keySet());
        TreeSet<String> extra = new TreeSet<>(seen.keySet());
        extra.removeAll(expected);
        if (!repeated.isEmpty() || !missing.isEmpty() || !extra.isEmpty()) {
            throw new CheckFailed(what + ": " + names.size() + " names for " + expected.size() + " entries; repeated "
                    + head(repeated) + ", missing " + head(missing) + ", unexpected " + head(extra));
        }
    }

    private static String head(Collection<String> names) {
        return names.size() <= 5 ? names.toString() : names.stream().limit(5).toList() + " and " + (names.size() - 5)
                + " more";
    }
}
