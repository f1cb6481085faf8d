package dev.handoff.server.nfs3;

import static dev.handoff.rpc.dispatch.CachePolicy.NONE;
import static dev.handoff.rpc.dispatch.CachePolicy.REPLY;
import static dev.handoff.rpc.dispatch.CachePolicy.REPLY_REPEATABLE;
import static dev.handoff.server.nfs3.Nfs3Rows.row;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_ACCESS;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_COMMIT;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_CREATE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_FSINFO;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_FSSTAT;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_GETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_LINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_LOOKUP;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_MKDIR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_MKNOD;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_PATHCONF;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READ;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READDIR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READDIRPLUS;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READLINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_REMOVE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_RENAME;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_RMDIR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_SETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_SYMLINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_WRITE;

import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.server.nfs3.xdr.AttrCodec;
import dev.handoff.server.nfs3.xdr.CreateCodec;
import dev.handoff.server.nfs3.xdr.DirOpCodec;
import dev.handoff.server.nfs3.xdr.FsInfoCodec;
import dev.handoff.server.nfs3.xdr.IoCodec;
import dev.handoff.server.nfs3.xdr.ReaddirCodec;
import java.util.List;

/**
 * NFS version 3 (program 100003; RFC 1813 §3.3): one row per procedure with its codecs, handler, failure
 * result and reply-cache policy. The non-idempotent procedures (knfsd's RC_REPLBUFF set: SETATTR, WRITE, the
 * four creates, REMOVE, RMDIR, RENAME, LINK) have their replies cached, so that a retransmission is answered,
 * not executed again: a second REMOVE would otherwise turn a success into NOENT. WRITE is
 * {@link dev.handoff.rpc.dispatch.CachePolicy#REPLY_REPEATABLE}: run twice with nothing in between it writes and
 * answers the same, so a cluster need not share its in-progress mark, only its reply, which stops a late copy from
 * undoing a later WRITE. SETATTR is not: a guarded one (§3.3.2, {@code obj_ctime}) fails its second run with
 * NOT_SYNC.
 * <p>
 * Every procedure but WRITE, SETATTR, COMMIT, READDIR and READDIRPLUS may run on the event loop that read it
 * ({@link dev.handoff.rpc.dispatch.Execution#INLINE}): each is one or a few system calls on the local file system.
 * Those five always go to a worker: COMMIT waits for the disk; a WRITE, or a SETATTR that changes a size, can be
 * held by the kernel's dirty-page throttling for up to 200 ms (a 47 ms WRITE was seen at 32 in flight), which on
 * an event loop would hold every other connection of that loop; a listing makes hundreds of calls (a statx per
 * entry).
 */
public final class Nfs3Program {
    public static final int PROGRAM = 100_003;
    public static final int VERSION = 3;

    private Nfs3Program() {
    }

    /** The program table with only NULL (RFC 1813 §3.3.0), for a server that has no file systems yet. */
    public static RpcProgram nullOnly() {
        return new RpcProgram(PROGRAM, "nfs", List.of(new ProgramVersion(VERSION,
                List.of(Procedure.nullProcedure()))));
    }

    /** The whole program, serving the exports and file systems of {@code c}. */
    public static RpcProgram create(Nfs3Context c) {
        return new RpcProgram(PROGRAM, "nfs", List.of(new ProgramVersion(VERSION, procedures(c))));
    }

    static List<Procedure<?, ?>> procedures(Nfs3Context c) {
        return List.of(
                Procedure.nullProcedure(),
                row(c, NFSPROC3_GETATTR, "GETATTR", AttrCodec::readGetattrArgs, AttrCodec::writeGetattrResult,
                        NONE, AttrHandlers::getattr, AttrHandlers::getattrFailed).inline(),
                row(c, NFSPROC3_SETATTR, "SETATTR", AttrCodec::readSetattrArgs, AttrCodec::writeSetattrResult,
                        REPLY, AttrHandlers::setattr, AttrHandlers::setattrFailed),
                row(c, NFSPROC3_LOOKUP, "LOOKUP", DirOpCodec::readLookupArgs, DirOpCodec::writeLookupResult,
                        NONE, DirOpHandlers::lookup, DirOpHandlers::lookupFailed).inline(),
                row(c, NFSPROC3_ACCESS, "ACCESS", AttrCodec::readAccessArgs, AttrCodec::writeAccessResult,
                        NONE, AttrHandlers::access, AttrHandlers::accessFailed).inline(),
                row(c, NFSPROC3_READLINK, "READLINK", DirOpCodec::readReadlinkArgs,
                        DirOpCodec::writeReadlinkResult, NONE, DirOpHandlers::readlink,
                        DirOpHandlers::readlinkFailed).inline(),
                row(c, NFSPROC3_READ, "READ", IoCodec::readReadArgs, IoCodec::writeReadResult,
                        NONE, IoHandlers::read, IoHandlers::readFailed).inline(),
                row(c, NFSPROC3_WRITE, "WRITE", IoCodec::readWriteArgs, IoCodec::writeWriteResult,
                        REPLY_REPEATABLE, IoHandlers::write, IoHandlers::writeFailed),
                row(c, NFSPROC3_CREATE, "CREATE", CreateCodec::readCreateArgs, CreateCodec::writeNewObjectResult,
                        REPLY, CreateHandlers::create, CreateHandlers::createFailed).inline(),
                row(c, NFSPROC3_MKDIR, "MKDIR", CreateCodec::readMkdirArgs, CreateCodec::writeNewObjectResult,
                        REPLY, CreateHandlers::mkdir, CreateHandlers::mkdirFailed).inline(),
                row(c, NFSPROC3_SYMLINK, "SYMLINK", CreateCodec::readSymlinkArgs,
                        CreateCodec::writeNewObjectResult, REPLY, CreateHandlers::symlink,
                        CreateHandlers::symlinkFailed).inline(),
                row(c, NFSPROC3_MKNOD, "MKNOD", CreateCodec::readMknodArgs, CreateCodec::writeNewObjectResult,
                        REPLY, CreateHandlers::mknod, CreateHandlers::mknodFailed).inline(),
                row(c, NFSPROC3_REMOVE, "REMOVE", DirOpCodec::readRemoveArgs, DirOpCodec::writeRemoveResult,
                        REPLY, DirOpHandlers::remove, DirOpHandlers::removeFailed).inline(),
                row(c, NFSPROC3_RMDIR, "RMDIR", DirOpCodec::readRmdirArgs, DirOpCodec::writeRemoveResult,
                        REPLY, DirOpHandlers::rmdir, DirOpHandlers::rmdirFailed).inline(),
                row(c, NFSPROC3_RENAME, "RENAME", DirOpCodec::readRenameArgs, DirOpCodec::writeRenameResult,
                        REPLY, DirOpHandlers::rename, DirOpHandlers::renameFailed).inline(),
                row(c, NFSPROC3_LINK, "LINK", DirOpCodec::readLinkArgs, DirOpCodec::writeLinkResult,
                        REPLY, DirOpHandlers::link, DirOpHandlers::linkFailed).inline(),
                row(c, NFSPROC3_READDIR, "READDIR", ReaddirCodec::readReaddirArgs,
                        ReaddirCodec::writeReaddirResult, NONE, ReaddirHandlers::readdir,
                        ReaddirHandlers::readdirFailed),
                row(c, NFSPROC3_READDIRPLUS, "READDIRPLUS", ReaddirCodec::readReaddirplusArgs,
                        ReaddirCodec::writeReaddirplusResult, NONE, ReaddirHandlers::readdirplus,
                        ReaddirHandlers::readdirplusFailed),
                row(c, NFSPROC3_FSSTAT, "FSSTAT", FsInfoCodec::readFsstatArgs, FsInfoCodec::writeFsstatResult,
                        NONE, FsInfoHandlers::fsstat, FsInfoHandlers::fsstatFailed).inline(),
                row(c, NFSPROC3_FSINFO, "FSINFO", FsInfoCodec::readFsinfoArgs, FsInfoCodec::writeFsinfoResult,
                        NONE, FsInfoHandlers::fsinfo, FsInfoHandlers::fsinfoFailed).inline(),
                row(c, NFSPROC3_PATHCONF, "PATHCONF", FsInfoCodec::readPathconfArgs,
                        FsInfoCodec::writePathconfResult, NONE, FsInfoHandlers::pathconf,
                        FsInfoHandlers::pathconfFailed).inline(),
                row(c, NFSPROC3_COMMIT, "COMMIT", IoCodec::readCommitArgs, IoCodec::writeCommitResult,
                        NONE, IoHandlers::commit, IoHandlers::commitFailed));
    }
}
