package dev.handoff.nlm.state;

import static dev.handoff.nlm.state.LockStatus.BLOCKED;
import static dev.handoff.nlm.state.LockStatus.DEADLCK;
import static dev.handoff.nlm.state.LockStatus.DENIED;
import static dev.handoff.nlm.state.LockStatus.GRANTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import org.junit.jupiter.api.Test;

/** Blocked locks: queue order, grant on release, retransmissions, CANCEL, GRANTED answers, deadlock. */
class LockManagerTest {
    private final Harness h = new Harness();

    @Test
    void waitersAreGrantedInArrivalOrderWhenTheHolderReleases() {
        assertThat(h.lock("a x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.lockWait("b x 0+10").status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("c x 0+10").status()).isEqualTo(BLOCKED);
        assertThat(h.queue()).containsExactly("b x 0+10", "c x 0+10");

        Result release = h.unlock("a", "0+eof");
        assertThat(Harness.granted(release)).containsExactly("b x 0+10");
        Effect.GrantLock grant = (Effect.GrantLock) release.effects().getFirst();
        assertThat(grant.file()).isEqualTo(Harness.FILE);
        assertThat(grant.cookie()).isEqualTo(Harness.cookie(1));
        assertThat(grant.replyTo()).isEqualTo(Opaque.copyOf(new byte[] {7}));
        assertThat(h.held()).containsExactly("b x 0+10");
        assertThat(h.pending()).containsExactly("b x 0+10");

        h.confirm(Harness.cookie(1));
        assertThat(h.pending()).isEmpty();
        assertThat(Harness.granted(h.unlock("b", "0+10"))).containsExactly("c x 0+10");
    }

    @Test
    void oneReleaseGrantsEveryCompatibleWaiter() {
        h.lock("a x 0+100");
        h.lockWait("b s 0+10");
        h.lockWait("c s 5+10");
        h.lockWait("d x 50+10");
        h.lockWait("e x 0+1");
        assertThat(Harness.granted(h.unlock("a", "0+100")))
                .containsExactly("b s 0+10", "c s 5+10", "d x 50+10");
        assertThat(h.queue()).containsExactly("e x 0+1");
    }

    @Test
    void aGrantThatDowngradesItsOwnersLockFreesAnEarlierWaiter() {
        h.lock("a x 0+10");
        h.lock("c x 20+10");
        h.lockWait("b s 0+5");   // blocked by a's exclusive lock
        h.lockWait("a s 0+30");  // blocked by c; once granted, a holds only a shared lock
        Result release = h.unlock("c", "20+10");
        assertThat(Harness.granted(release)).containsExactly("a s 0+30", "b s 0+5");
        assertThat(h.held()).containsExactly("b s 0+5", "a s 0+30");
    }

    @Test
    void aRetransmittedBlockingLockKeepsItsPlace() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        h.lockWait("c x 0+10");
        assertThat(h.lockWait("b x 0+10").status()).isEqualTo(BLOCKED);
        assertThat(h.queue()).containsExactly("b x 0+10", "c x 0+10");
        assertThat(Harness.granted(h.unlock("a", "0+10"))).containsExactly("b x 0+10");
    }

    @Test
    void aLockRetransmittedAfterItsGrantTakesItAndTheCallbackCanNoLongerReleaseIt() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        Opaque cookie = Harness.grantCookie(h.unlock("a", "0+10"));
        assertThat(h.lockWait("b x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.pending()).isEmpty();
        h.fail(cookie);
        assertThat(h.held()).containsExactly("b x 0+10");
        assertThat(h.manager.counters().get(Transition.GRANT_UNKNOWN)).isEqualTo(1);
    }

    @Test
    void cancelRemovesAQueuedWait() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        h.lockWait("c x 0+10");
        assertThat(h.cancel("b x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.queue()).containsExactly("c x 0+10");
        assertThat(Harness.granted(h.unlock("a", "0+10"))).containsExactly("c x 0+10");
    }

    @Test
    void cancelMatchesOwnerTypeAndRangeExactly() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        assertThat(h.cancel("b s 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.cancel("b x 0+5").status()).isEqualTo(GRANTED);
        assertThat(h.cancel("c x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.queue()).containsExactly("b x 0+10");
        assertThat(h.manager.counters().get(Transition.CANCEL_UNKNOWN)).isEqualTo(3);
    }

    @Test
    void cancelOfAGrantAwaitingItsCallbackIsDeniedAndLeavesTheLock() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        h.unlock("a", "0+10");
        assertThat(h.cancel("b x 0+10").status()).isEqualTo(DENIED);
        assertThat(h.held()).containsExactly("b x 0+10");
        assertThat(h.pending()).containsExactly("b x 0+10");
    }

    @Test
    void aFailedGrantReleasesTheLockAndGrantsTheNextWaiter() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        h.lockWait("c s 0+10");
        Opaque cookie = Harness.grantCookie(h.unlock("a", "0+10"));
        Result failed = h.fail(cookie);
        assertThat(Harness.granted(failed)).containsExactly("c s 0+10");
        assertThat(h.held()).containsExactly("c s 0+10");
        assertThat(h.manager.counters().get(Transition.GRANT_FAILED)).isEqualTo(1);
    }

    @Test
    void aConfirmedGrantIsAnOrdinaryLock() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        Opaque cookie = Harness.grantCookie(h.unlock("a", "0+10"));
        h.confirm(cookie);
        h.fail(cookie);
        assertThat(h.held()).containsExactly("b x 0+10");
        assertThat(h.test("c s 0+1").holder()).contains(Harness.parse("b x 0+10"));
    }

    @Test
    void unlockAlsoDropsTheOwnersWaitForExactlyThatRange() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        h.lockWait("b:2 x 0+10");
        h.unlock("b", "0+5");
        assertThat(h.queue()).containsExactly("b x 0+10", "b:2 x 0+10");
        h.unlock("b", "0+10");
        assertThat(h.queue()).containsExactly("b:2 x 0+10");
    }

    @Test
    void twoOwnersWaitingForEachOtherAreRefusedWithDeadlock() {
        h.lock("a x 0+10");
        h.lock("b x 20+10");
        assertThat(h.lockWait("a x 20+10").status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("b x 0+10").status()).isEqualTo(DEADLCK);
        assertThat(h.queue()).containsExactly("a x 20+10");
    }

    @Test
    void aLongerCycleIsFoundToo() {
        h.lock("a x 0+10");
        h.lock("b x 10+10");
        h.lock("c x 20+10");
        assertThat(h.lockWait("a x 10+10").status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("b x 20+10").status()).isEqualTo(BLOCKED);
        assertThat(h.lockWait("c x 0+10").status()).isEqualTo(DEADLCK);
        assertThat(h.lockWait("c:2 x 0+10").status()).isEqualTo(BLOCKED);
    }

    @Test
    void aNewClientIsMonitoredBeforeItsFirstLockAndOnlyThen() {
        assertThat(h.lock("a x 0+10").effects()).containsExactly(new Effect.MonitorClient("a"));
        assertThat(h.lock("a x 20+10").effects()).isEmpty();
        assertThat(h.lockWait("b x 0+10").effects()).containsExactly(new Effect.MonitorClient("b"));
        assertThat(h.lock("c x 0+10").effects()).isEmpty();
    }

    @Test
    void aBlockingLockNeedsACookieTheClientWillAccept() {
        assertThatThrownBy(() -> new LockInput.Lock(Harness.FILE, Harness.parse("a x 0+1"), true, false, Opaque.EMPTY,
                Opaque.EMPTY, h.now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockInput.Lock(Harness.FILE, Harness.parse("a x 0+1"), true, false,
                Opaque.copyOf(new byte[33]), Opaque.EMPTY, h.now)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LockInput.Lock(Harness.FILE, Harness.parse("a x 0+1"), false, false, Opaque.EMPTY,
                Opaque.EMPTY, h.now).block()).isFalse();
    }

    @Test
    void aRefusedUpgradeTakesTheWholeGrantedRangeWithIt() {
        h.lock("a s 0+10");
        h.lock("b s 0+10");
        h.lockWait("a x 0+10");
        Opaque cookie = Harness.grantCookie(h.unlock("b", "0+10"));
        assertThat(h.held()).containsExactly("a x 0+10");
        h.fail(cookie);
        assertThat(h.held()).isEmpty();
    }

    @Test
    void everyTransitionIsCountedAndNothingIsLeftOnceAllIsReleased() {
        h.lock("a x 0+10");
        h.lockWait("b s 0+10");
        h.test("c x 0+1");
        Opaque cookie = Harness.grantCookie(h.unlock("a", "0+10"));
        h.confirm(cookie);
        h.unlock("b", "0+eof");
        assertThat(h.store.isEmpty()).isTrue();
        assertThat(h.manager.counters().snapshot())
                .containsEntry("lock.granted", 1L)
                .containsEntry("lock.blocked", 1L)
                .containsEntry("test.denied", 1L)
                .containsEntry("unlock", 2L)
                .containsEntry("wait.granted", 1L)
                .containsEntry("grant.confirmed", 1L)
                .containsEntry("store.conflict", 0L)
                .hasSize(Transition.values().length);
    }
}
