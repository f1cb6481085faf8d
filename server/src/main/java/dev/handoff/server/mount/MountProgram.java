package dev.handoff.server.mount;

import static dev.handoff.server.mount.xdr.MountProcedures.MOUNTPROC_DUMP;
import static dev.handoff.server.mount.xdr.MountProcedures.MOUNTPROC_EXPORT;
import static dev.handoff.server.mount.xdr.MountProcedures.MOUNTPROC_MNT;
import static dev.handoff.server.mount.xdr.MountProcedures.MOUNTPROC_UMNT;
import static dev.handoff.server.mount.xdr.MountProcedures.MOUNTPROC_UMNTALL;

import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.mount.xdr.DumpResult;
import dev.handoff.server.mount.xdr.ExportResult;
import dev.handoff.server.mount.xdr.MntArgs;
import dev.handoff.server.mount.xdr.MountCodec;
import java.util.List;

/**
 * MOUNT (program 100005): the dispatch tables of version 3 (RFC 1813 appendix I) and version 1 (RFC 1094
 * appendix A), which differ only in MNT's reply. Every procedure is idempotent (a repeated MNT or UMNT leaves
 * the mount list as one would), so none goes through the reply cache.
 */
public final class MountProgram {
    public static final int PROGRAM = 100_005;
    private static final XdrReader<Void> NO_ARGUMENTS = in -> null;

    private MountProgram() {
    }

    public static RpcProgram create(MountHandlers handlers) {
        return new RpcProgram(PROGRAM, "mountd", List.of(
                new ProgramVersion(1, procedures(handlers, new Procedure<>(MOUNTPROC_MNT, "MNT",
                        MountCodec::readMntArgs, MountCodec::writeMnt1Result, handlers::mnt1, CachePolicy.NONE))),
                new ProgramVersion(3, procedures(handlers, new Procedure<>(MOUNTPROC_MNT, "MNT",
                        MountCodec::readMntArgs, MountCodec::writeMnt3Result, handlers::mnt3, CachePolicy.NONE)))));
    }

    /** The table with only NULL, for a server that has no exports wired yet. */
    public static RpcProgram nullOnly() {
        return new RpcProgram(PROGRAM, "mountd", List.of(
                new ProgramVersion(1, List.of(Procedure.nullProcedure())),
                new ProgramVersion(3, List.of(Procedure.nullProcedure()))));
    }

    /** The rows both versions share (appendix I.4.2-5, RFC 1094 A.5.2-5), around the version's MNT. */
    private static List<Procedure<?, ?>> procedures(MountHandlers h, Procedure<MntArgs, ?> mnt) {
        return List.of(
                Procedure.nullProcedure(),
                mnt,
                new Procedure<Void, DumpResult>(MOUNTPROC_DUMP, "DUMP", NO_ARGUMENTS, MountCodec::writeDumpResult,
                        h::dump, CachePolicy.NONE),
                new Procedure<>(MOUNTPROC_UMNT, "UMNT", MountCodec::readUmntArgs, XdrWriter.nothing(), h::umnt,
                        CachePolicy.NONE),
                new Procedure<Void, Void>(MOUNTPROC_UMNTALL, "UMNTALL", NO_ARGUMENTS, XdrWriter.nothing(),
                        h::umntAll, CachePolicy.NONE),
                new Procedure<Void, ExportResult>(MOUNTPROC_EXPORT, "EXPORT", NO_ARGUMENTS,
                        MountCodec::writeExportResult, h::export, CachePolicy.NONE));
    }
}
