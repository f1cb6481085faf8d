package dev.handoff.nsm;

import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import java.util.List;

/** NSM, the status monitor (program 100024 version 1; X/Open XNFS chapter 11). */
public final class NsmProgram {
    public static final int PROGRAM = 100_024;
    public static final int VERSION = 1;

    private NsmProgram() {
    }

    /** The program table; its procedures beyond NULL arrive with the NSM state machine. */
    public static RpcProgram create() {
        return new RpcProgram(PROGRAM, "status", List.of(new ProgramVersion(VERSION,
                List.of(Procedure.nullProcedure()))));
    }
}
