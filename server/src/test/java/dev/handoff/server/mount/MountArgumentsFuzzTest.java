package dev.handoff.server.mount;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.rpc.fuzz.FuzzLeaks;
import dev.handoff.rpc.fuzz.FuzzRun;
import dev.handoff.rpc.fuzz.ProgramArguments;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every argument reader of MOUNT versions 1 and 3 (RFC 1813 appendix I), from the program's own table. */
@Tag("long-form")
class MountArgumentsFuzzTest {
    static {
        FuzzLeaks.install();
    }

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("server");
    private static final ProgramArguments MOUNT = new ProgramArguments(MountProgram.create(new MountHandlers(
            new Exports(HostResolver.NONE, List.of()), fsid -> null, new SignedHandles(HandleKey.of(new byte[32])),
            MountList.inMemory())));

    @FuzzTest
    void argumentsDecodeOrAreRefused(byte[] input) {
        RUN.count();
        MOUNT.decode(input);
        FuzzLeaks.assertNone();
    }
}
