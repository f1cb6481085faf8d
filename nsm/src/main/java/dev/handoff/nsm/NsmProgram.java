package dev.handoff.nsm;

import dev.handoff.nsm.xdr.NsmCodec;
import dev.handoff.nsm.xdr.NsmProcedures;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import java.util.List;

/**
 * NSM, the status monitor (program 100024 version 1; X/Open XNFS chapter 11): the dispatch table. Only
 * SM_SIMU_CRASH goes through the reply cache: run twice it would take two state numbers and notify everyone
 * twice. The others are idempotent (a repeated SM_MON or SM_NOTIFY changes nothing the first did not).
 */
public final class NsmProgram {
    public static final int PROGRAM = NsmProcedures.PROGRAM;
    public static final int VERSION = NsmProcedures.VERSION;

    private static final XdrReader<Void> NO_ARGS = in -> null;

    private NsmProgram() {
    }

    public static RpcProgram create(NsmService service) {
        NsmHandlers h = new NsmHandlers(service);
        return new RpcProgram(PROGRAM, "status", List.of(new ProgramVersion(VERSION, List.of(
                Procedure.nullProcedure(),
                new Procedure<>(NsmProcedures.SM_STAT, "STAT", NsmCodec::readSmName, NsmCodec::writeSmStatRes,
                        h::stat, CachePolicy.NONE),
                new Procedure<>(NsmProcedures.SM_MON, "MON", NsmCodec::readMon, NsmCodec::writeSmStatRes,
                        h::mon, CachePolicy.NONE),
                new Procedure<>(NsmProcedures.SM_UNMON, "UNMON", NsmCodec::readMonId, NsmCodec::writeSmStat,
                        h::unmon, CachePolicy.NONE),
                new Procedure<>(NsmProcedures.SM_UNMON_ALL, "UNMON_ALL", NsmCodec::readMyId,
                        NsmCodec::writeSmStat, h::unmonAll, CachePolicy.NONE),
                new Procedure<>(NsmProcedures.SM_SIMU_CRASH, "SIMU_CRASH", NO_ARGS, XdrWriter.nothing(),
                        h::simuCrash, CachePolicy.REPLY),
                new Procedure<>(NsmProcedures.SM_NOTIFY, "NOTIFY", NsmCodec::readStatChge, XdrWriter.nothing(),
                        h::notify, CachePolicy.NONE)))));
    }
}
