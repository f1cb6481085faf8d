package dev.handoff.server.nfs3;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.nfs3.xdr.LinkArgs;
import dev.handoff.server.nfs3.xdr.LinkResult;
import dev.handoff.server.nfs3.xdr.LookupArgs;
import dev.handoff.server.nfs3.xdr.LookupResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.Nfspath3;
import dev.handoff.server.nfs3.xdr.ReadlinkArgs;
import dev.handoff.server.nfs3.xdr.ReadlinkResult;
import dev.handoff.server.nfs3.xdr.RemoveArgs;
import dev.handoff.server.nfs3.xdr.RemoveResult;
import dev.handoff.server.nfs3.xdr.RenameArgs;
import dev.handoff.server.nfs3.xdr.RenameResult;
import dev.handoff.server.nfs3.xdr.RmdirArgs;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** LOOKUP, READLINK, REMOVE, RMDIR, RENAME and LINK (RFC 1813 §3.3.3, §3.3.5, §3.3.12 to §3.3.15). */
final class DirOpHandlers {
    private static final Logger log = LoggerFactory.getLogger(DirOpHandlers.class);

    private DirOpHandlers() {
    }

    /** §3.3.3. "." and ".." are the file system's to resolve; it never leads above the export's root. */
    static LookupResult lookup(Nfs3Request req, LookupArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.read(args.what().dir());
        Nfs3Request.checkName(args.what().name());
        Inode found = dir.vfs().lookup(dir.who(), dir.inode(), args.what().name().bytes());
        return new LookupResult.Ok(req.handle(found), req.postOp(dir.child(found)), req.postOp(dir));
    }

    static LookupResult lookupFailed(Nfs3Request req, LookupArgs args, Nfs3Status status) {
        return new LookupResult.Fail(status, req.postOp(args.what().dir()));
    }

    /** §3.3.5. A target longer than nfspath3 can carry is NAMETOOLONG rather than a reply the client refuses. */
    static ReadlinkResult readlink(Nfs3Request req, ReadlinkArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target link = req.read(args.symlink());
        Opaque text = link.vfs().readlink(link.who(), link.inode());
        if (text.length() > Nfspath3.MAX_LENGTH) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_NAMETOOLONG, "link text of " + text.length() + " bytes");
        }
        return new ReadlinkResult.Ok(req.postOp(link), new Nfspath3(text));
    }

    static ReadlinkResult readlinkFailed(Nfs3Request req, ReadlinkArgs args, Nfs3Status status) {
        return new ReadlinkResult.Fail(status, req.postOp(args.symlink()));
    }

    /** §3.3.12. */
    static RemoveResult remove(Nfs3Request req, RemoveArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.changing(args.object());
        Inode last = lastLink(req, dir, args.object().name().bytes());
        try {
            dir.vfs().remove(dir.who(), dir.inode(), args.object().name().bytes());
        } catch (VfsException e) {
            alreadyDone(req, e, "REMOVE");
        }
        removed(req, last);
        return new RemoveResult.Ok(req.wcc(dir.handle()));
    }

    static RemoveResult removeFailed(Nfs3Request req, RemoveArgs args, Nfs3Status status) {
        return new RemoveResult.Fail(status, req.wcc(args.object().dir()));
    }

    /** §3.3.13. */
    static RemoveResult rmdir(Nfs3Request req, RmdirArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.changing(args.object());
        try {
            dir.vfs().rmdir(dir.who(), dir.inode(), args.object().name().bytes());
        } catch (VfsException e) {
            alreadyDone(req, e, "RMDIR");
        }
        return new RemoveResult.Ok(req.wcc(dir.handle()));
    }

    static RemoveResult rmdirFailed(Nfs3Request req, RmdirArgs args, Nfs3Status status) {
        return new RemoveResult.Fail(status, req.wcc(args.object().dir()));
    }

    /** §3.3.14: within one export only (XDEV otherwise), replacing an existing target as rename(2) does. */
    static RenameResult rename(Nfs3Request req, RenameArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target from = req.write(args.from().dir());
        Nfs3Target to = req.write(args.to().dir());
        Nfs3Request.checkSameExport(from, to);
        Nfs3Request.checkName(args.from().name());
        Nfs3Request.checkName(args.to().name());
        req.before(from);
        req.before(to);
        Inode last = lastLink(req, to, args.to().name().bytes());
        if (last != null && last.equals(lastLink(req, from, args.from().name().bytes()))) {
            last = null; // renaming a file onto itself (or a hard link of it) removes nothing
        }
        try {
            from.vfs().rename(from.who(), from.inode(), args.from().name().bytes(), to.inode(),
                    args.to().name().bytes());
        } catch (VfsException e) {
            // Done before only if the source is gone and the target is there.
            if (!req.earlierRunLost() || !exists(to, args.to().name().bytes())) {
                throw e;
            }
            alreadyDone(req, e, "RENAME");
            last = null;
        }
        removed(req, last);
        return new RenameResult.Ok(req.wcc(from.handle()), req.wcc(to.handle()));
    }

    /**
     * The regular file {@code name} in {@code dir} if this is its only link, else null; asked before the change,
     * and only when someone listens, since it costs a LOOKUP and a GETATTR.
     */
    private static Inode lastLink(Nfs3Request req, Nfs3Target dir, Opaque name) {
        if (req.context().removals() == FileRemovalListener.NONE) {
            return null;
        }
        try {
            Inode file = dir.vfs().lookup(dir.who(), dir.inode(), name);
            Attributes a = dir.vfs().getattr(file);
            return a.kind() == FileKind.REGULAR && a.nlink() <= 1 ? file : null;
        } catch (VfsException e) {
            return null;
        }
    }

    /**
     * A retransmission whose first copy began on a node that left mid-call, and no reply was kept: if the name is
     * already gone, that copy most likely removed it, and the client, which never saw its reply, must get the
     * success it would have got, not NOENT (the reply cache exists for exactly this; here it lost the entry with the
     * node). Rethrows anything else.
     */
    private static void alreadyDone(Nfs3Request req, VfsException e, String what) throws VfsException {
        if (!req.earlierRunLost() || e.errno() != Errno.ENOENT) {
            throw e;
        }
        log.info("{} of a name already gone, retransmitted after the node running its first copy left: answered as "
                + "done", what);
    }

    private static boolean exists(Nfs3Target dir, Opaque name) {
        try {
            dir.vfs().lookup(dir.who(), dir.inode(), name);
            return true;
        } catch (VfsException e) {
            return false;
        }
    }

    private static void removed(Nfs3Request req, Inode last) {
        if (last != null) {
            req.context().removals().lastLinkRemoved(last);
        }
    }

    static RenameResult renameFailed(Nfs3Request req, RenameArgs args, Nfs3Status status) {
        return new RenameResult.Fail(status, req.wcc(args.from().dir()), req.wcc(args.to().dir()));
    }

    /** §3.3.15: the file only read, the directory changed; both in one export. */
    static LinkResult link(Nfs3Request req, LinkArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target file = req.read(args.file());
        Nfs3Target dir = req.write(args.link().dir());
        Nfs3Request.checkSameExport(file, dir);
        Nfs3Request.checkName(args.link().name());
        req.before(dir);
        dir.vfs().link(dir.who(), file.inode(), dir.inode(), args.link().name().bytes());
        return new LinkResult.Ok(req.postOp(file), req.wcc(dir.handle()));
    }

    static LinkResult linkFailed(Nfs3Request req, LinkArgs args, Nfs3Status status) {
        return new LinkResult.Fail(status, req.postOp(args.file()), req.wcc(args.link().dir()));
    }
}
