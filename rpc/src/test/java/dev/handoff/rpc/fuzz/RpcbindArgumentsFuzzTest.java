package dev.handoff.rpc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import java.time.InstantSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every argument reader of rpcbind versions 2, 3 and 4 (RFC 1833), from the program's own table. */
@Tag("long-form")
class RpcbindArgumentsFuzzTest {
    static {
        FuzzLeaks.install();
    }

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("rpc");
    private static final ProgramArguments RPCBIND =
            new ProgramArguments(RpcbindProgram.create(new RpcbindRegistry(), InstantSource.system()));

    @FuzzTest
    void argumentsDecodeOrAreRefused(byte[] input) {
        RUN.count();
        RPCBIND.decode(input);
        FuzzLeaks.assertNone();
    }
}
