package dev.handoff.server.nfs3;

import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import java.util.List;

/** NFS version 3 (program 100003; RFC 1813). */
public final class Nfs3Program {
    public static final int PROGRAM = 100_003;
    public static final int VERSION = 3;

    private Nfs3Program() {
    }

    /** The program table with only NULL (RFC 1813 §3.3.0); the file procedures come with the VFS. */
    public static RpcProgram nullOnly() {
        return new RpcProgram(PROGRAM, "nfs", List.of(new ProgramVersion(VERSION,
                List.of(Procedure.nullProcedure()))));
    }
}
