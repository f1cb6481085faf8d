package dev.handoff.server.nfs3;

import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.FsinfoArgs;
import dev.handoff.server.nfs3.xdr.FsinfoResult;
import dev.handoff.server.nfs3.xdr.FsstatArgs;
import dev.handoff.server.nfs3.xdr.FsstatResult;
import dev.handoff.server.nfs3.xdr.IoCodec;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.NfsTime3;
import dev.handoff.server.nfs3.xdr.PathconfArgs;
import dev.handoff.server.nfs3.xdr.PathconfResult;
import dev.handoff.server.vfs.FsStats;
import dev.handoff.server.vfs.VfsException;

/** FSSTAT, FSINFO and PATHCONF (RFC 1813 §3.3.18 to §3.3.20). */
final class FsInfoHandlers {
    /** Largest READ and WRITE: what the codecs accept, and the Linux client's own upper bound. */
    static final int RTMAX = IoCodec.MAX_READ_DATA;
    static final int WTMAX = IoCodec.MAX_WRITE_DATA;
    /** Page size: clients round transfers to it. */
    static final int XFER_MULTIPLE = 4096;
    static final int DTPREF = 64 * 1024;
    static final NfsTime3 TIME_DELTA = new NfsTime3(0, 1);
    static final int PROPERTIES = FsinfoResult.FSF3_LINK | FsinfoResult.FSF3_SYMLINK
            | FsinfoResult.FSF3_HOMOGENEOUS | FsinfoResult.FSF3_CANSETTIME;
    /**
     * The VFS does not say; ext4's limit, the lowest of the usual Linux file systems. Clients only use it to
     * refuse a LINK early; the file system answers MLINK anyway.
     */
    static final int LINK_MAX = 65_000;

    private FsInfoHandlers() {
    }

    /** §3.3.18. The numbers may change at any time: invarsec 0. */
    static FsstatResult fsstat(Nfs3Request req, FsstatArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target target = req.read(args.fsroot());
        FsStats s = target.vfs().fsstat(target.inode());
        return new FsstatResult.Ok(req.postOp(target), s.totalBytes(), s.freeBytes(), s.availableBytes(),
                s.totalFiles(), s.freeFiles(), s.availableFiles(), 0);
    }

    static FsstatResult fsstatFailed(Nfs3Request req, FsstatArgs args, Nfs3Status status) {
        return new FsstatResult.Fail(status, req.postOp(args.fsroot()));
    }

    /** §3.3.19. The same for every export: they all lie on Linux file systems served by the same code. */
    static FsinfoResult fsinfo(Nfs3Request req, FsinfoArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target target = req.read(args.fsroot());
        return new FsinfoResult.Ok(req.postOp(target), RTMAX, RTMAX, XFER_MULTIPLE, WTMAX, WTMAX, XFER_MULTIPLE,
                DTPREF, Long.MAX_VALUE, TIME_DELTA, PROPERTIES);
    }

    static FsinfoResult fsinfoFailed(Nfs3Request req, FsinfoArgs args, Nfs3Status status) {
        return new FsinfoResult.Fail(status, req.postOp(args.fsroot()));
    }

    /** §3.3.20: POSIX semantics: long names refused, chown for root only, case kept and significant. */
    static PathconfResult pathconf(Nfs3Request req, PathconfArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target target = req.read(args.object());
        return new PathconfResult.Ok(req.postOp(target), LINK_MAX, Filename3.MAX_LENGTH, true, true, false, true);
    }

    static PathconfResult pathconfFailed(Nfs3Request req, PathconfArgs args, Nfs3Status status) {
        return new PathconfResult.Fail(status, req.postOp(args.object()));
    }
}
