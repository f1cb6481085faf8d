package dev.handoff.nlm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.proc.ClientMonitor;
import dev.handoff.nlm.proc.FileLookup;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.XdrWriter;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class NlmProgramTest {
    private static final NlmCallbacks NO_CALLBACKS = new NlmCallbacks() {
        @Override
        public void granted(CallbackTarget to, TestArgs args, GrantOutcome outcome) {
        }

        @Override
        public <T> void result(CallbackTarget to, int procedure, XdrWriter<T> writer, T value) {
        }
    };

    private final RpcProgram program = NlmProgram.create(new NlmService(new LockManager(new InMemoryLockStore(),
            LockConfig.DEFAULT), NO_CALLBACKS, ClientMonitor.NONE, InstantSource.system(), "server"),
            (fh, peer) -> new FileLookup.Refused(NlmStatus.STALE_FH, "none"), NO_CALLBACKS);

    @Test
    void servesVersionsOneThreeAndFour() {
        assertThat(program.versions()).containsOnlyKeys(1, 3, 4);
        assertThat(program.number()).isEqualTo(100_021);
    }

    @Test
    void versionOneStopsAtGrantedResWhileThreeAndFourAddShareToFreeAll() {
        assertThat(program.version(1).procedures()).extracting(Procedure::number)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        for (int v : new int[] {3, 4}) {
            assertThat(program.version(v).procedures()).extracting(Procedure::number)
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23);
        }
        assertThat(program.version(4).procedure(NlmProcedures.FREE_ALL).name()).isEqualTo("FREE_ALL");
    }
}
