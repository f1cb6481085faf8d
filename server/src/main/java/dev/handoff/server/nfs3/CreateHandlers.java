package dev.handoff.server.nfs3;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.nfs3.xdr.CreateArgs;
import dev.handoff.server.nfs3.xdr.CreateHow3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.MkdirArgs;
import dev.handoff.server.nfs3.xdr.MknodArgs;
import dev.handoff.server.nfs3.xdr.MknodData3;
import dev.handoff.server.nfs3.xdr.NewObjectResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.SymlinkArgs;
import dev.handoff.server.vfs.CreateMode;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.SpecialFile;
import dev.handoff.server.vfs.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE, MKDIR, SYMLINK and MKNOD (RFC 1813 §3.3.8 to §3.3.11): each returns the new object's handle and
 * attributes, so the client need not look it up, and the directory's wcc_data, failed or not.
 */
final class CreateHandlers {
    private static final Logger log = LoggerFactory.getLogger(CreateHandlers.class);
    private CreateHandlers() {
    }

    /**
     * §3.3.8. EXCLUSIVE carries no attributes: the file system keeps the verifier with the file, so that a
     * retransmission finds its own file and succeeds, and the client sets the attributes with SETATTR next.
     */
    static NewObjectResult create(Nfs3Request req, CreateArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.changing(args.where());
        CreateMode mode;
        SetAttributes attributes;
        switch (args.how()) {
            case CreateHow3.Unchecked u -> {
                mode = new CreateMode.Unchecked();
                attributes = Nfs3Attrs.setAttributes(u.attributes());
            }
            case CreateHow3.Guarded g -> {
                mode = new CreateMode.Guarded();
                attributes = Nfs3Attrs.setAttributes(g.attributes());
            }
            case CreateHow3.Exclusive e -> {
                mode = new CreateMode.Exclusive(e.verifier().value());
                attributes = SetAttributes.NONE;
            }
        }
        Inode made;
        try {
            made = dir.vfs().create(dir.who(), dir.inode(), args.where().name().bytes(), mode, attributes);
        } catch (VfsException e) {
            made = madeByLostRun(req, dir, args.where().name().bytes(), FileKind.REGULAR, e, "CREATE");
        }
        return made(req, dir, made);
    }

    static NewObjectResult createFailed(Nfs3Request req, CreateArgs args, Nfs3Status status) {
        return new NewObjectResult.Fail(status, req.wcc(args.where().dir()));
    }

    /** §3.3.9. */
    static NewObjectResult mkdir(Nfs3Request req, MkdirArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.changing(args.where());
        SetAttributes attributes = Nfs3Attrs.setAttributes(args.attributes());
        Inode made;
        try {
            made = dir.vfs().mkdir(dir.who(), dir.inode(), args.where().name().bytes(), attributes);
        } catch (VfsException e) {
            made = madeByLostRun(req, dir, args.where().name().bytes(), FileKind.DIRECTORY, e, "MKDIR");
        }
        return made(req, dir, made);
    }

    static NewObjectResult mkdirFailed(Nfs3Request req, MkdirArgs args, Nfs3Status status) {
        return new NewObjectResult.Fail(status, req.wcc(args.where().dir()));
    }

    /** §3.3.10. */
    static NewObjectResult symlink(Nfs3Request req, SymlinkArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.changing(args.where());
        SetAttributes attributes = Nfs3Attrs.setAttributes(args.attributes());
        Inode made;
        try {
            made = dir.vfs().symlink(dir.who(), dir.inode(), args.where().name().bytes(), args.data().bytes(),
                    attributes);
        } catch (VfsException e) {
            made = madeByLostRun(req, dir, args.where().name().bytes(), FileKind.SYMLINK, e, "SYMLINK");
        }
        return made(req, dir, made);
    }

    static NewObjectResult symlinkFailed(Nfs3Request req, SymlinkArgs args, Nfs3Status status) {
        return new NewObjectResult.Fail(status, req.wcc(args.where().dir()));
    }

    /** §3.3.11: devices, sockets and FIFOs; regular files, directories and links are NFS3ERR_BADTYPE. */
    static NewObjectResult mknod(Nfs3Request req, MknodArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target dir = req.changing(args.where());
        SpecialFile kind;
        SetAttributes attributes;
        switch (args.what()) {
            case MknodData3.Device d -> {
                kind = d.type() == FileType3.NF3CHR
                        ? new SpecialFile.CharDevice(d.spec().major(), d.spec().minor())
                        : new SpecialFile.BlockDevice(d.spec().major(), d.spec().minor());
                attributes = Nfs3Attrs.setAttributes(d.attributes());
            }
            case MknodData3.Pipe p -> {
                kind = p.type() == FileType3.NF3FIFO ? new SpecialFile.Fifo() : new SpecialFile.Socket();
                attributes = Nfs3Attrs.setAttributes(p.attributes());
            }
            case MknodData3.Other o -> throw new Nfs3Failure(Nfs3Status.NFS3ERR_BADTYPE, "MKNOD of " + o.type());
        }
        Inode made = dir.vfs().mknod(dir.who(), dir.inode(), args.where().name().bytes(), kind, attributes);
        return made(req, dir, made);
    }

    static NewObjectResult mknodFailed(Nfs3Request req, MknodArgs args, Nfs3Status status) {
        return new NewObjectResult.Fail(status, req.wcc(args.where().dir()));
    }

    /**
     * A retransmission whose first copy began on a node that left mid-call, its reply lost with it: a name already
     * there, of the kind the call makes, is most likely what that copy made, and the client, which never saw the
     * reply, gets the success it would have got rather than EXIST (DirOpHandlers does the same for REMOVE and
     * RENAME). Rethrows anything else.
     */
    private static Inode madeByLostRun(Nfs3Request req, Nfs3Target dir, Opaque name, FileKind kind, VfsException e,
                                       String what) throws VfsException {
        if (!req.earlierRunLost() || e.errno() != Errno.EEXIST) {
            throw e;
        }
        Inode there = dir.vfs().lookup(dir.who(), dir.inode(), name);
        if (dir.vfs().getattr(there).kind() != kind) {
            throw e;
        }
        log.info("{} of a name already there, retransmitted after the node running its first copy left: answered "
                + "with what is there", what);
        return there;
    }

    private static NewObjectResult made(Nfs3Request req, Nfs3Target dir, Inode made) {
        return new NewObjectResult.Ok(req.handle(made), req.postOp(dir.child(made)), req.wcc(dir.handle()));
    }
}
