package dev.handoff.rpc.client;

import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;

/** A test program: 1 = ECHO (string to the same string), 2 = WHOAMI (the caller's AUTH_SYS uid, or -1). */
final class EchoProgram {
    static final int PROG = 0x2000_0077;
    static final int VERS = 1;
    static final int ECHO = 1;
    static final int WHOAMI = 2;

    private EchoProgram() {
    }

    static RpcProgram create() {
        Procedure<String, String> echo = new Procedure<>(ECHO, "ECHO", in -> in.readString(1024),
                XdrEncoder::writeString, (call, s) -> s, CachePolicy.NONE);
        Procedure<Void, Integer> whoami = new Procedure<>(WHOAMI, "WHOAMI", in -> null, XdrEncoder::writeInt,
                (call, v) -> call.credential() instanceof Credential.Sys sys ? sys.uid() : -1, CachePolicy.NONE);
        return new RpcProgram(PROG, "echo", List.of(new ProgramVersion(VERS,
                List.of(Procedure.nullProcedure(), echo, whoami))));
    }
}
