package dev.handoff.server.nfs3.xdr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How many directory entries fit one READDIR or READDIRPLUS reply (RFC 1813 §3.3.16, §3.3.17). The client's
 * count (READDIR) or maxcount (READDIRPLUS) bounds the whole resok structure, XDR overhead included; the
 * budget starts with that overhead spent and charges each entry its exact encoded size, so a reply built from
 * the accepted entries never exceeds what the client asked for. READDIRPLUS's dircount bounds the directory
 * information alone ({@link DirEntry3#directorySize()}); knfsd ignores it, RFC 1813 does not, and neither do
 * we: a handler that prefers knfsd's behaviour passes maxcount as dircount.
 *
 * <p>Once an entry does not fit, the budget is full: a later, smaller entry must not be taken, or the client
 * would resume from its cookie and never see the one skipped. One budget serves one reply, on one thread.
 */
public final class DirListBudget {
    private final long maxBytes;
    private final long maxDirectoryBytes;
    private long bytes;
    private long directoryBytes;
    private int entries;
    private boolean full;
    private boolean eof;

    private DirListBudget(long maxBytes, long maxDirectoryBytes, int overhead) {
        this.maxBytes = maxBytes;
        this.maxDirectoryBytes = maxDirectoryBytes;
        this.bytes = overhead;
    }

    /** For READDIR: {@code count} as the client sent it, the directory attributes the reply will carry. */
    public static DirListBudget readdir(long count, PostOpAttr dirAttributes) {
        return new DirListBudget(count, Long.MAX_VALUE, overhead(dirAttributes));
    }

    /** For READDIRPLUS: {@code dircount} and {@code maxcount} as the client sent them. */
    public static DirListBudget readdirplus(long dircount, long maxcount, PostOpAttr dirAttributes) {
        return new DirListBudget(maxcount, dircount, overhead(dirAttributes));
    }

    /**
     * Bytes of a resok without entries: status, directory attributes, cookie verifier, the list's final
     * "no value follows" and eof.
     */
    public static int overhead(PostOpAttr dirAttributes) {
        return 4 + dirAttributes.encodedSize() + Verifier3.SIZE + 4 + 4;
    }

    /** Charges {@code entry} if it fits; after the first refusal every later entry is refused too. */
    public boolean tryAdd(DirEntry3 entry) {
        if (full) {
            return false;
        }
        long nextBytes = bytes + entry.encodedSize();
        long nextDirectoryBytes = directoryBytes + entry.directorySize();
        if (nextBytes > maxBytes || nextDirectoryBytes > maxDirectoryBytes) {
            full = true;
            return false;
        }
        bytes = nextBytes;
        directoryBytes = nextDirectoryBytes;
        entries++;
        return true;
    }

    /**
     * Takes entries from {@code source} while they fit. {@link #eof()} is then true when the source ran out
     * with every entry taken. An empty page that is not at eof means even the first entry does not fit: the
     * handler answers NFS3ERR_TOOSMALL.
     */
    public <E extends DirEntry3> List<E> fill(Iterator<? extends E> source) {
        List<E> page = new ArrayList<>();
        while (source.hasNext()) {
            E entry = source.next();
            if (!tryAdd(entry)) {
                return page;
            }
            page.add(entry);
        }
        eof = !full;
        return page;
    }

    /** Whether the last {@link #fill} reached the end of the directory. */
    public boolean eof() {
        return eof;
    }

    public int entries() {
        return entries;
    }

    /** Bytes the resok will take with the entries taken so far. */
    public long bytes() {
        return bytes;
    }
}
