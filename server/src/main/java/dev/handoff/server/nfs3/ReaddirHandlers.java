package dev.handoff.server.nfs3;

import dev.handoff.server.nfs3.xdr.DirEntry3;
import dev.handoff.server.nfs3.xdr.DirListBudget;
import dev.handoff.server.nfs3.xdr.Entry3;
import dev.handoff.server.nfs3.xdr.EntryPlus3;
import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.PostOpAttr;
import dev.handoff.server.nfs3.xdr.ReaddirArgs;
import dev.handoff.server.nfs3.xdr.ReaddirResult;
import dev.handoff.server.nfs3.xdr.ReaddirplusArgs;
import dev.handoff.server.nfs3.xdr.ReaddirplusResult;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.vfs.DirectoryPage;
import dev.handoff.server.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * READDIR and READDIRPLUS (RFC 1813 §3.3.16, §3.3.17). Cookies are the file system's own stable positions,
 * so the cookie verifier need not change when the directory does: it is derived from the directory's file
 * id alone, never from its mtime, or every listing of a directory being written to would end in
 * NFS3ERR_BAD_COOKIE. The entries of one reply come from as many file system pages as the client's count
 * allows ({@link DirListBudget}).
 */
final class ReaddirHandlers {
    /** Bytes of the smallest entry3: value-follows word, fileid, a name of 1 to 4 bytes, cookie. */
    private static final int SMALLEST_ENTRY = 4 + 8 + 8 + 8;
    /** A typical entryplus3: the entry, attributes, a handle of some 40 bytes. */
    private static final int TYPICAL_ENTRY_PLUS = SMALLEST_ENTRY + 4 + Fattr3.ENCODED_SIZE + 4 + 4 + 40;
    private static final int MAX_PAGE = 1024;
    /** Mixed into the file id so that a directory's verifier is not the plain inode number. */
    private static final long VERIFIER_SALT = 0x4e46_5333_434f_4f4bL;

    private ReaddirHandlers() {
    }

    static ReaddirResult readdir(Nfs3Request req, ReaddirArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.read(args.dir());
        Fattr3 attributes = req.attributes(dir);
        Verifier3 verifier = checkCookie(attributes, args.cookie(), args.cookieverf());
        PostOpAttr dirAttributes = PostOpAttr.of(attributes);
        DirListBudget budget = DirListBudget.readdir(args.count(), dirAttributes);
        int page = pageSize(args.count() / SMALLEST_ENTRY);
        List<Entry3> entries = new ArrayList<>();
        boolean eof = list(dir, args.cookie(), page, false, budget, entries,
                e -> new Entry3(e.fileId(), new Filename3(e.name()), e.cookie()));
        return new ReaddirResult.Ok(dirAttributes, verifier, entries, eof);
    }

    static ReaddirResult readdirFailed(Nfs3Request req, ReaddirArgs args, Nfs3Status status) {
        return new ReaddirResult.Fail(status, req.postOp(args.dir()));
    }

    /** Honours dircount as RFC 1813 defines it ({@link DirListBudget} explains why knfsd does not). */
    static ReaddirplusResult readdirplus(Nfs3Request req, ReaddirplusArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.read(args.dir());
        Fattr3 attributes = req.attributes(dir);
        Verifier3 verifier = checkCookie(attributes, args.cookie(), args.cookieverf());
        PostOpAttr dirAttributes = PostOpAttr.of(attributes);
        DirListBudget budget = DirListBudget.readdirplus(args.dircount(), args.maxcount(), dirAttributes);
        int page = pageSize(Math.min(args.dircount() / SMALLEST_ENTRY, args.maxcount() / TYPICAL_ENTRY_PLUS));
        List<EntryPlus3> entries = new ArrayList<>();
        boolean eof = list(dir, args.cookie(), page, true, budget, entries, e -> new EntryPlus3(e.fileId(),
                new Filename3(e.name()), e.cookie(),
                PostOpAttr.of(e.attributes() == null ? null : Nfs3Attrs.fattr(e.attributes())),
                e.inode() == null ? null : req.handle(e.inode())));
        return new ReaddirplusResult.Ok(dirAttributes, verifier, entries, eof);
    }

    static ReaddirplusResult readdirplusFailed(Nfs3Request req, ReaddirplusArgs args, Nfs3Status status) {
        return new ReaddirplusResult.Fail(status, req.postOp(args.dir()));
    }

    /**
     * The directory's verifier, after checking the client's: a resumed listing (cookie not 0) must bring the
     * verifier this directory gave, or zero, which some clients always send and which RFC 1813 lets a server
     * accept.
     */
    private static Verifier3 checkCookie(Fattr3 dir, long cookie, Verifier3 sent) throws Nfs3Failure {
        if (dir.type() != FileType3.NF3DIR) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_NOTDIR, "not a directory");
        }
        Verifier3 verifier = new Verifier3(dir.fileid() ^ VERIFIER_SALT);
        if (cookie != 0 && !sent.equals(Verifier3.ZERO) && !sent.equals(verifier)) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_BAD_COOKIE, sent + " is not " + verifier);
        }
        return verifier;
    }

    private static int pageSize(long estimate) {
        return Math.clamp(estimate + 1, 1, MAX_PAGE);
    }

    /**
     * Fills {@code out} from the file system's pages, starting after {@code cookie}, while the budget lasts.
     * Returns eof: the directory's last entry is in {@code out}. Nothing taken and not at eof means not even
     * one entry fits the client's count: NFS3ERR_TOOSMALL.
     */
    private static <E extends DirEntry3> boolean list(Nfs3Target dir, long cookie, int page, boolean plus,
                                                      DirListBudget budget, List<E> out,
                                                      Function<DirectoryPage.Entry, E> convert)
            throws Nfs3Failure, VfsException {
        long after = cookie;
        while (true) {
            DirectoryPage got = dir.vfs().readdir(dir.who(), dir.inode(), after, page, plus);
            for (DirectoryPage.Entry e : got.entries()) {
                E entry = convert.apply(e);
                if (!budget.tryAdd(entry)) {
                    return tooSmallIfEmpty(out);
                }
                out.add(entry);
                after = e.cookie();
            }
            if (got.eof()) {
                return true;
            }
            if (got.entries().isEmpty()) {
                // A file system that neither ends nor moves on: stop rather than loop.
                if (out.isEmpty()) {
                    throw new Nfs3Failure(Nfs3Status.NFS3ERR_SERVERFAULT, "empty page before the end");
                }
                return false;
            }
        }
    }

    private static boolean tooSmallIfEmpty(List<?> out) throws Nfs3Failure {
        if (out.isEmpty()) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_TOOSMALL, "not even one entry fits");
        }
        return false;
    }
}
