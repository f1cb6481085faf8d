package dev.handoff.server.mount;

import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import java.util.List;

/** MOUNT (program 100005; RFC 1813 appendix I for v3, RFC 1094 appendix A for v1). */
public final class MountProgram {
    public static final int PROGRAM = 100_005;

    private MountProgram() {
    }

    /** The program table with only NULL; MNT, DUMP, UMNT, UMNTALL and EXPORT come with the exports. */
    public static RpcProgram nullOnly() {
        return new RpcProgram(PROGRAM, "mountd", List.of(
                new ProgramVersion(1, List.of(Procedure.nullProcedure())),
                new ProgramVersion(3, List.of(Procedure.nullProcedure()))));
    }
}
