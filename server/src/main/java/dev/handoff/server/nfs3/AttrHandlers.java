package dev.handoff.server.nfs3;

import dev.handoff.server.nfs3.xdr.AccessArgs;
import dev.handoff.server.nfs3.xdr.AccessResult;
import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.PostOpAttr;
import dev.handoff.server.nfs3.xdr.PreOpAttr;
import dev.handoff.server.nfs3.xdr.SetattrArgs;
import dev.handoff.server.nfs3.xdr.SetattrResult;
import dev.handoff.server.nfs3.xdr.WccAttr;
import dev.handoff.server.nfs3.xdr.WccData;
import dev.handoff.server.vfs.AccessBits;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.VfsException;

/** GETATTR, SETATTR and ACCESS (RFC 1813 §3.3.1, §3.3.2, §3.3.4). */
final class AttrHandlers {
    private static final int ALL_ACCESS = AccessBits.READ | AccessBits.LOOKUP | AccessBits.MODIFY
            | AccessBits.EXTEND | AccessBits.DELETE | AccessBits.EXECUTE;
    private static final int WRITE_ACCESS = AccessBits.MODIFY | AccessBits.EXTEND | AccessBits.DELETE;

    private AttrHandlers() {
    }

    /** §3.3.1: no permission check, as for stat(2) in a directory the caller could already search. */
    static GetattrResult getattr(Nfs3Request req, GetattrArgs args) throws Nfs3Failure, VfsException {
        return new GetattrResult.Ok(req.attributes(req.read(args.object())));
    }

    static GetattrResult getattrFailed(Nfs3Request req, GetattrArgs args, Nfs3Status status) {
        return new GetattrResult.Fail(status);
    }

    /**
     * §3.3.2. With a guard, the object's ctime must equal the client's, or nothing changes and the answer is
     * NFS3ERR_NOT_SYNC: the client set the attributes based on a state someone else has since changed.
     */
    static SetattrResult setattr(Nfs3Request req, SetattrArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target target = req.write(args.object());
        WccAttr before = req.before(target);
        if (args.guardCtime() != null && !args.guardCtime().equals(before.ctime())) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_NOT_SYNC, "ctime " + before.ctime() + " is not the guard's "
                    + args.guardCtime());
        }
        SetAttributes change = Nfs3Attrs.setAttributes(args.newAttributes());
        Attributes after = target.vfs().setattr(target.who(), target.inode(), change);
        return new SetattrResult.Ok(new WccData(PreOpAttr.of(before), PostOpAttr.of(Nfs3Attrs.fattr(after))));
    }

    static SetattrResult setattrFailed(Nfs3Request req, SetattrArgs args, Nfs3Status status) {
        return new SetattrResult.Fail(status, req.wcc(args.object()));
    }

    /**
     * §3.3.4. On a read-only export the bits that change a regular file, directory or link are never granted
     * (as knfsd does): the client would otherwise open for writing and fail only at the first WRITE. Devices,
     * FIFOs and sockets stay writable there, as on a read-only mount.
     */
    static AccessResult access(Nfs3Request req, AccessArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target target = req.read(args.object());
        int asked = args.access() & ALL_ACCESS;
        int granted = target.vfs().access(target.who(), target.inode(), asked) & asked;
        Fattr3 attributes = req.attributes(target);
        if (target.options().readOnly() && changesData(attributes.type())) {
            granted &= ~WRITE_ACCESS;
        }
        return new AccessResult.Ok(PostOpAttr.of(attributes), granted);
    }

    private static boolean changesData(FileType3 type) {
        return type == FileType3.NF3REG || type == FileType3.NF3DIR || type == FileType3.NF3LNK;
    }

    static AccessResult accessFailed(Nfs3Request req, AccessArgs args, Nfs3Status status) {
        return new AccessResult.Fail(status, req.postOp(args.object()));
    }
}
