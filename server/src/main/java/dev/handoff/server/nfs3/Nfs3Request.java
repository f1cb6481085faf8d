package dev.handoff.server.nfs3;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.message.Credential;
import dev.handoff.server.exports.Access;
import dev.handoff.server.exports.ExportOptions;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.handles.SignedHandles.BadHandleException;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.PostOpAttr;
import dev.handoff.server.nfs3.xdr.PreOpAttr;
import dev.handoff.server.nfs3.xdr.WccAttr;
import dev.handoff.server.nfs3.xdr.WccData;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.Vfs;
import dev.handoff.server.vfs.VfsException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NFSv3 call on its way through a handler: the prologue every handle goes through, and what the reply
 * needs to report about those handles whether the call succeeds or fails.
 *
 * <p>The prologue, on every call and for every handle (as knfsd does: with a MOUNT-time check alone, a client
 * that lost access would keep using the handles it has): the handle's signature (NFS3ERR_BADHANDLE), the export it names against the caller's address
 * and port (no such export: STALE; client not allowed: ACCES; unprivileged port on a {@code secure} export:
 * PERM, as knfsd answers), the file system of that export (none: STALE), the caller's identity after
 * squashing, and for calls that change something a read-only export (ROFS). The attributes taken before a
 * change are remembered per handle, so that a failed call's wcc_data (§2.6) still carries them.
 *
 * <p>One instance serves one call on one worker thread.
 */
final class Nfs3Request {
    private static final Logger log = LoggerFactory.getLogger(Nfs3Request.class);

    private final Nfs3Context context;
    private final CallContext call;
    /** Read once: every handle of the call is judged against the same table. */
    private final ExportTable table;
    private final Map<FileHandle3, Nfs3Target> opened = new HashMap<>(4);
    private final Map<FileHandle3, WccAttr> before = new HashMap<>(4);

    Nfs3Request(Nfs3Context context, CallContext call) {
        this.context = context;
        this.call = call;
        this.table = context.exports().get();
    }

    Nfs3Context context() {
        return context;
    }

    /** Whether an earlier copy of this call may have run on a node that left mid-call ({@link CallContext}). */
    boolean earlierRunLost() {
        return call.earlierRunLost();
    }

    /** The prologue for a handle the call only reads. */
    Nfs3Target read(FileHandle3 handle) throws Nfs3Failure {
        Nfs3Target target = opened.get(handle);
        return target != null ? target : open(handle);
    }

    /** The prologue for a handle whose file (or directory) the call changes. */
    Nfs3Target write(FileHandle3 handle) throws Nfs3Failure {
        Nfs3Target target = read(handle);
        if (target.options().readOnly()) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_ROFS, "export is read-only for " + call.peer().remote());
        }
        return target;
    }

    private Nfs3Target open(FileHandle3 handle) throws Nfs3Failure {
        Inode inode;
        try {
            inode = context.handles().toInode(handle);
        } catch (BadHandleException e) {
            log.debug("{} from {}: {}", handle, call.peer().remote(), e.getMessage());
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_BADHANDLE, e.getMessage());
        }
        ExportOptions options = switch (table.decide(inode.exportId(), call.peer().remote())) {
            case Access.Allowed allowed -> allowed.options();
            case Access.Denied denied -> {
                log.debug("refused {}: {}", call.peer().remote(), denied.detail());
                throw new Nfs3Failure(switch (denied.reason()) {
                    case NO_SUCH_EXPORT -> Nfs3Status.NFS3ERR_STALE;
                    case CLIENT_NOT_ALLOWED -> Nfs3Status.NFS3ERR_ACCES;
                    case INSECURE_PORT -> Nfs3Status.NFS3ERR_PERM;
                }, denied.detail());
            }
        };
        Vfs vfs = context.filesystems().forExport(inode.exportId());
        if (vfs == null) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_STALE, "no file system for export " + inode.exportId());
        }
        Nfs3Target target = new Nfs3Target(handle, vfs, inode, identity(options), options);
        opened.put(handle, target);
        return target;
    }

    private Identity identity(ExportOptions options) {
        return switch (call.credential()) {
            case Credential.Sys sys -> options.mapIdentity(sys.uid(), sys.gid(), sys.gids());
            case Credential.None none -> options.anonymous();
            // The dispatcher refuses other flavors before any handler runs; anonymous is the safe reading.
            case Credential.Other other -> options.anonymous();
        };
    }

    /** NFS3ERR_NAMETOOLONG for a name no Linux file system holds, before the file system sees it. */
    static void checkName(Filename3 name) throws Nfs3Failure {
        if (name.isTooLong()) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_NAMETOOLONG, name.length() + " bytes");
        }
    }

    /** NFS3ERR_XDEV when two handles of one call lie in different exports (RENAME, LINK). */
    static void checkSameExport(Nfs3Target a, Nfs3Target b) throws Nfs3Failure {
        if (a.inode().exportId() != b.inode().exportId()) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_XDEV, "exports " + a.inode().exportId() + " and "
                    + b.inode().exportId());
        }
    }

    /** The prologue of a call that changes one entry of a directory: writable export, a valid name, pre-op. */
    Nfs3Target changing(DirOpArgs3 where) throws Nfs3Failure, VfsException {
        Nfs3Target dir = write(where.dir());
        checkName(where.name());
        before(dir);
        return dir;
    }

    FileHandle3 handle(Inode inode) {
        return context.handles().toHandle(inode);
    }

    Fattr3 attributes(Nfs3Target target) throws VfsException {
        return Nfs3Attrs.fattr(target.vfs().getattr(target.inode()));
    }

    /** Takes and remembers the pre-operation attributes of a target that is about to change. */
    WccAttr before(Nfs3Target target) throws VfsException {
        WccAttr attributes = attributes(target).toWccAttr();
        if (target.handle() != null) {
            before.put(target.handle(), attributes);
        }
        return attributes;
    }

    /** The target's attributes now, or none if they cannot be had: a reply is never failed for want of them. */
    PostOpAttr postOp(Nfs3Target target) {
        try {
            return PostOpAttr.of(attributes(target));
        } catch (VfsException e) {
            return PostOpAttr.NONE;
        }
    }

    /** Post-operation attributes of a handle of the call; none if it did not pass the prologue. */
    PostOpAttr postOp(FileHandle3 handle) {
        Nfs3Target target = opened.get(handle);
        return target == null ? PostOpAttr.NONE : postOp(target);
    }

    /** wcc_data of a handle of the call: what {@link #before} took, if it ran, and the attributes now. */
    WccData wcc(FileHandle3 handle) {
        return new WccData(PreOpAttr.of(before.get(handle)), postOp(handle));
    }
}
