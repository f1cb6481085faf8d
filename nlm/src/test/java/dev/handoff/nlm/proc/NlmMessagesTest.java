package dev.handoff.nlm.proc;

import static dev.handoff.nlm.proc.ProcFixture.CLIENT_A;
import static dev.handoff.nlm.proc.ProcFixture.VIP;
import static dev.handoff.nlm.proc.ProcFixture.call;
import static dev.handoff.nlm.proc.ProcFixture.lock;
import static dev.handoff.nlm.proc.ProcFixture.lockArgs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.nlm.xdr.TestResult;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.xdr.Opaque;
import org.junit.jupiter.api.Test;

class NlmMessagesTest {
    private final ProcFixture f = new ProcFixture();
    private final NlmMessages messages = new NlmMessages(f.v4, f.callbacks);

    @Test
    void lockMsgRunsTheLockAnswersVoidAndSendsLockResToTheCaller() {
        Void reply = messages.lockMsg(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), false, false));

        assertThat(reply).isNull();
        assertThat(f.callbacks.results).singleElement().satisfies(r -> {
            assertThat(r.procedure()).isEqualTo(NlmProcedures.LOCK_RES);
            assertThat(r.to().client()).isEqualTo(CLIENT_A);
            assertThat(r.to().local()).isEqualTo(VIP);
            assertThat(r.value()).isEqualTo(new NlmResult(Opaque.ofHex("c0"), NlmStatus.GRANTED));
        });
    }

    @Test
    void testMsgAndUnlockMsgAnswerWithTheirResProcedures() {
        messages.testMsg(call(CLIENT_A), new TestArgs(Opaque.ofHex("c4"), true, lock("a", 1, 0, 0)));
        messages.unlockMsg(call(CLIENT_A), new UnlockArgs(Opaque.ofHex("c5"), lock("a", 1, 0, 0)));

        assertThat(f.callbacks.results).extracting(FakeCallbacks.Res::procedure)
                .containsExactly(NlmProcedures.TEST_RES, NlmProcedures.UNLOCK_RES);
        assertThat(f.callbacks.results.getFirst().value()).isEqualTo(new TestResult.Granted(Opaque.ofHex("c4")));
    }

    @Test
    void unknownGrantedResIsIgnored() {
        messages.grantedRes(call(CLIENT_A), new NlmResult(Opaque.ofHex("99"), NlmStatus.DENIED));

        assertThat(f.service.grantsInFlight()).isZero();
    }
}
