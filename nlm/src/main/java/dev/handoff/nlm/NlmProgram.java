package dev.handoff.nlm;

import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import java.util.List;

/**
 * NLM, the network lock manager (program 100021; X/Open XNFS chapters 9-10). Version 4 carries the 64-bit
 * ranges NFSv3 clients use; versions 1 and 3 use 32-bit ranges.
 */
public final class NlmProgram {
    public static final int PROGRAM = 100_021;
    public static final List<Integer> VERSIONS = List.of(1, 3, 4);

    private NlmProgram() {
    }

    /** The program table; its procedures beyond NULL arrive with the lock manager. */
    public static RpcProgram create() {
        return new RpcProgram(PROGRAM, "nlockmgr", VERSIONS.stream()
                .map(v -> new ProgramVersion(v, List.of(Procedure.nullProcedure()))).toList());
    }
}
