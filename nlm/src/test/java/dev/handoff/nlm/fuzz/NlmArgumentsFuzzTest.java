package dev.handoff.nlm.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.nlm.NlmProgram;
import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.proc.ClientMonitor;
import dev.handoff.nlm.proc.FileLookup;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.fuzz.FuzzLeaks;
import dev.handoff.rpc.fuzz.FuzzRun;
import dev.handoff.rpc.fuzz.ProgramArguments;
import dev.handoff.rpc.xdr.XdrWriter;
import java.time.InstantSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every argument reader of NLM versions 1, 3 (XNFS chapter 10; 32-bit offsets) and 4 (RFC 1813 appendix II),
 * the _MSG and _RES procedures included, from the program's own table.
 */
@Tag("long-form")
class NlmArgumentsFuzzTest {
    static {
        FuzzLeaks.install();
    }

    private static final NlmCallbacks NO_CALLBACKS = new NlmCallbacks() {
        @Override
        public void granted(CallbackTarget to, TestArgs args, GrantOutcome outcome) {
        }

        @Override
        public <T> void result(CallbackTarget to, int procedure, XdrWriter<T> writer, T value) {
        }
    };

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("nlm");
    private static final ProgramArguments NLM = new ProgramArguments(NlmProgram.create(
            new NlmService(new LockManager(new InMemoryLockStore(), LockConfig.DEFAULT), NO_CALLBACKS,
                    ClientMonitor.NONE, InstantSource.system(), "server"),
            (fh, peer) -> new FileLookup.Refused(NlmStatus.STALE_FH, "none"), NO_CALLBACKS));

    @FuzzTest
    void argumentsDecodeOrAreRefused(byte[] input) {
        RUN.count();
        NLM.decode(input);
        FuzzLeaks.assertNone();
    }
}
