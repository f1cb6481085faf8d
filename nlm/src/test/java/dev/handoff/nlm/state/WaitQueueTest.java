package dev.handoff.nlm.state;

import static dev.handoff.nlm.state.LockStatus.BLOCKED;
import static dev.handoff.nlm.state.LockStatus.GRANTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fairness rule: who yields to whom, for how long, and what it must never do (starve or deadlock). */
class WaitQueueTest {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private final Harness h = new Harness(new LockConfig(Duration.ofSeconds(90), 100, 10, WINDOW));

    @Test
    void aWaitingWriterIsNotOvertakenByLaterBlockingReaders() {
        h.lock("a s 0+10");
        assertThat(h.lockWait("b x 0+10").status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("c s 0+10").status()).isEqualTo(BLOCKED);
        assertThat(Harness.granted(h.unlock("a", "0+10"))).containsExactly("b x 0+10");
        h.confirm(Harness.cookie(1));
        assertThat(Harness.granted(h.unlock("b", "0+10"))).containsExactly("c s 0+10");
    }

    @Test
    void aNonBlockingReaderIsNotHeldBackByAWaitingWriter() {
        h.lock("a s 0+10");
        h.lockWait("b x 0+10");
        assertThat(h.lock("c s 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.test("d s 0+10").status()).isEqualTo(GRANTED);
    }

    @Test
    void aWaiterBlockedOnlyBehindAnotherWaiterHoldsNobodyBack() {
        h.lock("a x 0+10");
        assertThat(h.lockWait("b x 0+20").status()).isEqualTo(BLOCKED);  // waits for a's lock: a head waiter
        assertThat(h.lockWait("c x 15+10").status()).isEqualTo(BLOCKED); // free bytes, but would overtake b
        // d conflicts only with c, which waits for a waiter, not for a lock: d goes ahead.
        assertThat(h.lockWait("d x 22+10").status()).isEqualTo(GRANTED);
        assertThat(h.queue()).containsExactly("b x 0+20", "c x 15+10");
    }

    @Test
    void aYieldingRequestIsGrantedWhenItsWindowEndsEvenIfTheHeadNeverMoves() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+20");
        h.lockWait("c x 15+5");
        assertThat(h.store.load(Harness.FILE).wakeAt()).isEqualTo(Harness.START.plus(WINDOW));
        h.advance(WINDOW.minusNanos(1));
        assertThat(Harness.granted(h.tick())).isEmpty();
        h.advance(Duration.ofNanos(1));
        assertThat(h.store.due(h.now)).containsExactly(Harness.FILE);
        assertThat(Harness.granted(h.tick())).containsExactly("c x 15+5");
        assertThat(h.store.load(Harness.FILE).wakeAt()).isEqualTo(FileLocks.NEVER);
        assertThat(h.store.due(h.now)).isEmpty();
        assertThat(h.manager.counters().get(Transition.FAIRNESS_WAKE)).isEqualTo(1);
    }

    @Test
    void aYieldingRetransmissionCountsItsWindowFromTheFirstArrival() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+20");
        h.lockWait("c x 15+5");
        h.advance(WINDOW);
        assertThat(h.lockWait("c x 15+5").status()).isEqualTo(GRANTED);
        assertThat(h.queue()).containsExactly("b x 0+20");
    }

    @Test
    void anUpgradeDoesNotYieldToAWaiterThatWaitsForItsOwnLock() {
        h.lock("a s 0+10");
        h.lockWait("b x 0+10");
        assertThat(h.lockWait("a x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.held()).containsExactly("a x 0+10");
    }

    @Test
    void aCycleThatYieldingClosesAcrossFilesBreaksWhenTheWindowEnds() {
        // c holds a lock on the other file that a waits for; b waits for a here; c's request here yields to b.
        h.lock(Harness.OTHER_FILE, "c x 0+10", false, false);
        h.lock("a s 0+10");
        assertThat(h.lock(Harness.OTHER_FILE, "a x 0+10", true, false).status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("b x 0+10").status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("c s 0+10").status()).isEqualTo(BLOCKED);
        h.advance(WINDOW);
        assertThat(Harness.granted(h.tick())).containsExactly("c s 0+10");
    }

    @Test
    void withAZeroWindowTheOrderIsPlainPosix() {
        Harness posix = new Harness(new LockConfig(Duration.ofSeconds(90), 100, 10, Duration.ZERO));
        posix.lock("a s 0+10");
        posix.lockWait("b x 0+10");
        assertThat(posix.lockWait("c s 0+10").status()).isEqualTo(GRANTED);
        assertThat(posix.store.load(Harness.FILE).wakeAt()).isEqualTo(FileLocks.NEVER);
    }

    @Test
    void aWaiterDoesNotYieldToItsOwnOwner() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+20");
        assertThat(h.lockWait("b x 15+10").status()).isEqualTo(GRANTED);
    }
}
