package dev.handoff.nlm;

import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.proc.NlmFiles;
import dev.handoff.nlm.proc.NlmHandlers;
import dev.handoff.nlm.proc.NlmMessages;
import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.NlmResultsCodec;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.XdrWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * NLM, the network lock manager (program 100021; X/Open XNFS chapters 9-10): the dispatch table. Version 4
 * (RFC 1813 appendix II) carries the 64-bit ranges NFSv3 clients use; versions 1 and 3 use 32-bit ranges. Version
 * 1 has procedures 0-15; 3 and 4 add SHARE, UNSHARE, NM_LOCK and FREE_ALL (20-23).
 *
 * <p>No procedure goes through the reply cache: a retransmitted LOCK is recognized by the lock manager itself
 * (the queued request, or a lock the owner already holds), and UNLOCK, CANCEL and the rest are idempotent.
 */
public final class NlmProgram {
    public static final int PROGRAM = 100_021;
    public static final List<Integer> VERSIONS = List.of(1, 3, 4);

    private NlmProgram() {
    }

    public static RpcProgram create(NlmService service, NlmFiles files, NlmCallbacks callbacks) {
        return new RpcProgram(PROGRAM, "nlockmgr", VERSIONS.stream()
                .map(v -> version(v, new NlmHandlers(v, service, files), callbacks)).toList());
    }

    private static ProgramVersion version(int v, NlmHandlers h, NlmCallbacks callbacks) {
        NlmArgsCodec args = NlmArgsCodec.forVersion(v);
        NlmResultsCodec res = NlmResultsCodec.forVersion(v);
        NlmMessages m = new NlmMessages(h, callbacks);
        XdrWriter<Void> none = XdrWriter.nothing();
        List<Procedure<?, ?>> p = new ArrayList<>(List.of(
                Procedure.nullProcedure(),
                row(NlmProcedures.TEST, "TEST", args::readTestArgs, res::writeTestResult, h::test),
                row(NlmProcedures.LOCK, "LOCK", args::readLockArgs, res::writeResult, h::lock),
                row(NlmProcedures.CANCEL, "CANCEL", args::readCancelArgs, res::writeResult, h::cancel),
                row(NlmProcedures.UNLOCK, "UNLOCK", args::readUnlockArgs, res::writeResult, h::unlock),
                row(NlmProcedures.GRANTED, "GRANTED", args::readTestArgs, res::writeResult, h::granted),
                row(NlmProcedures.TEST_MSG, "TEST_MSG", args::readTestArgs, none, m::testMsg),
                row(NlmProcedures.LOCK_MSG, "LOCK_MSG", args::readLockArgs, none, m::lockMsg),
                row(NlmProcedures.CANCEL_MSG, "CANCEL_MSG", args::readCancelArgs, none, m::cancelMsg),
                row(NlmProcedures.UNLOCK_MSG, "UNLOCK_MSG", args::readUnlockArgs, none, m::unlockMsg),
                row(NlmProcedures.GRANTED_MSG, "GRANTED_MSG", args::readTestArgs, none, m::grantedMsg),
                row(NlmProcedures.TEST_RES, "TEST_RES", res::readTestResult, none, m::ignoredRes),
                row(NlmProcedures.LOCK_RES, "LOCK_RES", res::readResult, none, m::ignoredRes),
                row(NlmProcedures.CANCEL_RES, "CANCEL_RES", res::readResult, none, m::ignoredRes),
                row(NlmProcedures.UNLOCK_RES, "UNLOCK_RES", res::readResult, none, m::ignoredRes),
                row(NlmProcedures.GRANTED_RES, "GRANTED_RES", res::readResult, none, m::grantedRes)));
        if (v >= 3) {
            p.add(row(NlmProcedures.SHARE, "SHARE", args::readShareArgs, res::writeShareResult, h::share));
            p.add(row(NlmProcedures.UNSHARE, "UNSHARE", args::readShareArgs, res::writeShareResult, h::unshare));
            p.add(row(NlmProcedures.NM_LOCK, "NM_LOCK", args::readLockArgs, res::writeResult, h::nmLock));
            p.add(row(NlmProcedures.FREE_ALL, "FREE_ALL", args::readNotifyArgs, none, h::freeAll));
        }
        return new ProgramVersion(v, p);
    }

    private static <A, R> Procedure<A, R> row(int number, String name, dev.handoff.rpc.xdr.XdrReader<A> reader,
                                              XdrWriter<R> writer, dev.handoff.rpc.dispatch.Handler<A, R> handler) {
        return new Procedure<>(number, name, reader, writer, handler, CachePolicy.NONE);
    }
}
