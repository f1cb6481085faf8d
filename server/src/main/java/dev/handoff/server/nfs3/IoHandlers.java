package dev.handoff.server.nfs3;

import dev.handoff.server.nfs3.xdr.CommitArgs;
import dev.handoff.server.nfs3.xdr.CommitResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.ReadArgs;
import dev.handoff.server.nfs3.xdr.ReadData;
import dev.handoff.server.nfs3.xdr.ReadResult;
import dev.handoff.server.nfs3.xdr.WriteArgs;
import dev.handoff.server.nfs3.xdr.WriteResult;
import dev.handoff.server.vfs.IoResults;
import dev.handoff.server.vfs.Stability;
import dev.handoff.server.vfs.VfsException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** READ, WRITE and COMMIT (RFC 1813 §3.3.6, §3.3.7, §3.3.21). */
final class IoHandlers {
    private IoHandlers() {
    }

    /**
     * §3.3.6. At most FSINFO's rtmax bytes, read straight into a direct buffer that the result writer copies
     * into the reply. An offset of 2^63 or more is one no file reaches: INVAL, as knfsd answers.
     */
    static ReadResult read(Nfs3Request req, ReadArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target file = req.read(args.file());
        if (args.offset() < 0) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_INVAL, "offset " + Long.toUnsignedString(args.offset()));
        }
        int count = (int) Math.min(args.count(), FsInfoHandlers.RTMAX);
        IoResults.Read[] done = new IoResults.Read[1];
        ReadData data;
        try {
            data = ReadData.read(count, target -> {
                try {
                    done[0] = file.vfs().read(file.who(), file.inode(), args.offset(), target);
                } catch (VfsException e) {
                    throw new Tunnel(e);
                }
                // The count is what the file system says it read, whether or not it moved the position.
                target.position(done[0].count());
            });
        } catch (Tunnel t) {
            throw t.failure;
        } catch (IOException e) {
            throw new UncheckedIOException("the filler throws nothing else", e);
        }
        try {
            return new ReadResult.Ok(req.postOp(file), done[0].eof(), data);
        } catch (RuntimeException | Error e) {
            // Only the result writer releases the data; a result never made must release it here.
            data.close();
            throw e;
        }
    }

    static ReadResult readFailed(Nfs3Request req, ReadArgs args, Nfs3Status status) {
        return new ReadResult.Fail(status, req.postOp(args.file()));
    }

    /**
     * §3.3.7. On an {@code async} export the file system is asked for UNSTABLE and the client told what it
     * asked for, which is what {@code async} means in exports(5) (and knfsd does): faster, and data lost if
     * the server fails before the kernel writes it back.
     */
    static WriteResult write(Nfs3Request req, WriteArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target file = req.write(args.file());
        if (args.offset() < 0 || args.offset() + args.count() < 0) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_FBIG, "offset " + Long.toUnsignedString(args.offset()));
        }
        req.before(file);
        Stability asked = Nfs3Attrs.stability(args.stable());
        Stability toDisk = file.options().async() ? Stability.UNSTABLE : asked;
        IoResults.Write done = file.vfs().write(file.who(), file.inode(), args.offset(), args.data().nioBuffer(),
                toDisk);
        Stability told = done.committed().compareTo(asked) >= 0 ? done.committed() : asked;
        return new WriteResult.Ok(req.wcc(file.handle()), done.count(), Nfs3Attrs.stableHow(told),
                req.context().writeVerifier());
    }

    static WriteResult writeFailed(Nfs3Request req, WriteArgs args, Nfs3Status status) {
        return new WriteResult.Fail(status, req.wcc(args.file()));
    }

    /**
     * §3.3.21. Needs a writable export, as in knfsd: on a read-only one there is nothing to commit. The
     * verifier tells the client whether its unstable writes survived; if the server restarted since, it
     * differs and the client writes them again.
     */
    static CommitResult commit(Nfs3Request req, CommitArgs args) throws Nfs3Failure, VfsException {
        Nfs3Target file = req.write(args.file());
        if (args.offset() < 0) {
            throw new Nfs3Failure(Nfs3Status.NFS3ERR_INVAL, "offset " + Long.toUnsignedString(args.offset()));
        }
        req.before(file);
        file.vfs().commit(file.inode(), args.offset(), args.count());
        return new CommitResult.Ok(req.wcc(file.handle()), req.context().writeVerifier());
    }

    static CommitResult commitFailed(Nfs3Request req, CommitArgs args, Nfs3Status status) {
        return new CommitResult.Fail(status, req.wcc(args.file()));
    }

    /** Carries a file system error out of {@link ReadData.Filler}, which may only throw IOException. */
    private static final class Tunnel extends IOException {
        final VfsException failure;

        Tunnel(VfsException failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
