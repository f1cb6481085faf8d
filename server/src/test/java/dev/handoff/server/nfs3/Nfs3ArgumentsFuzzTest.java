package dev.handoff.server.nfs3;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.rpc.fuzz.FuzzLeaks;
import dev.handoff.rpc.fuzz.FuzzRun;
import dev.handoff.rpc.fuzz.ProgramArguments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every argument reader of NFS version 3 (RFC 1813 §3.3, all 22 procedures), from the program's own table; WRITE's
 * data slice must be released when its arguments are closed.
 */
@Tag("long-form")
class Nfs3ArgumentsFuzzTest {
    static {
        FuzzLeaks.install();
    }

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("server");
    private static final ProgramArguments NFS = new ProgramArguments(new Nfs3Fixture().program);

    @FuzzTest
    void argumentsDecodeOrAreRefused(byte[] input) {
        RUN.count();
        NFS.decode(input);
        FuzzLeaks.assertNone();
    }
}
