package dev.handoff.nlm.state;

import static dev.handoff.nlm.state.LockStatus.DENIED_GRACE_PERIOD;
import static dev.handoff.nlm.state.LockStatus.GRANTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Grace after a lost table: reclaims only, early end, timeout, and reclaims that come too late. */
class LockManagerGraceTest {
    private static final Duration PERIOD = Duration.ofSeconds(90);
    private final Harness h = new Harness();

    @Test
    void duringGraceOnlyReclaimsAreGranted() {
        h.startGrace("a", "b");
        assertThat(h.reclaim("a x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.lock("c x 20+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.lockWait("c x 20+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.test("c x 20+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.share(Harness.share("c", ShareAccess.READ, ShareDeny.NONE)).status())
                .isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.on(new LockInput.Share(Harness.FILE, Harness.share("b", ShareAccess.READ, ShareDeny.NONE), true,
                h.now)).status()).isEqualTo(GRANTED);
        assertThat(h.held()).containsExactly("a x 0+10");
        assertThat(h.manager.counters().get(Transition.LOCK_DENIED_GRACE)).isEqualTo(2);
        assertThat(h.manager.counters().get(Transition.LOCK_RECLAIMED)).isEqualTo(1);
    }

    @Test
    void reclaimsStillConflictWithEachOther() {
        h.startGrace("a", "b");
        h.reclaim("a x 0+10");
        assertThat(h.reclaim("b x 5+10").status()).isEqualTo(LockStatus.DENIED);
    }

    @Test
    void unlockCancelAndUnshareAreServedDuringGrace() {
        h.startGrace("a", "b");
        h.reclaim("a x 0+10");
        h.on(new LockInput.Share(Harness.FILE, Harness.share("b", ShareAccess.READ, ShareDeny.NONE), true, h.now));
        assertThat(h.unlock("c", "0+10").status()).isEqualTo(GRANTED);
        assertThat(h.cancel("c x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.unshare("b").status()).isEqualTo(GRANTED);
        assertThat(h.store.load(Harness.FILE).shares()).isEmpty();
    }

    @Test
    void graceEndsEarlyOnceEveryExpectedClientIsDone() {
        h.startGrace("a", "b");
        h.reclaim("a x 0+10");
        // a's first ordinary request after reclaiming: a is done, but b is not, so it is still refused.
        assertThat(h.lock("a x 20+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        Result freed = h.freeAll("b");
        assertThat(freed.effects()).containsExactly(new Effect.GraceEnded(h.now, true));
        assertThat(h.lock("c x 20+10").status()).isEqualTo(GRANTED);
        assertThat(h.manager.counters().get(Transition.GRACE_ENDED_EARLY)).isEqualTo(1);
        assertThat(h.manager.counters().get(Transition.GRACE_CLIENT_DONE)).isEqualTo(2);
    }

    @Test
    void theLastClientsFirstOrdinaryRequestEndsGraceAndIsServed() {
        h.startGrace("a");
        h.reclaim("a x 0+10");
        Result r = h.lock("a x 20+10");
        assertThat(r.status()).isEqualTo(GRANTED);
        assertThat(r.effects()).containsExactly(new Effect.GraceEnded(h.now, true));
    }

    @Test
    void anOrdinaryRequestBeforeAnyReclaimDoesNotCountAsDone() {
        h.startGrace("a");
        assertThat(h.lock("a x 20+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.reclaim("a x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.test("a x 20+10").status()).isEqualTo(GRANTED);
    }

    @Test
    void aRebootNoticeCountsAsDone() {
        h.startGrace("a");
        assertThat(h.rebooted("a", 3).effects()).containsExactly(new Effect.GraceEnded(h.now, true));
        assertThat(h.lock("a x 0+10").status()).isEqualTo(GRANTED);
    }

    @Test
    void graceEndsOnATickOnceThePeriodIsOver() {
        h.startGrace("a");
        h.advance(PERIOD.minusNanos(1));
        assertThat(h.tick().effects()).isEmpty();
        assertThat(h.lock("c x 0+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        h.advance(Duration.ofNanos(1));
        assertThat(h.tick().effects()).containsExactly(new Effect.GraceEnded(Harness.START.plus(PERIOD), false));
        assertThat(h.lock("c x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.manager.counters().get(Transition.GRACE_ENDED_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aRequestAfterThePeriodIsServedWithoutWaitingForATick() {
        h.startGrace("a");
        h.advance(PERIOD);
        Result r = h.lock("c x 0+10");
        assertThat(r.status()).isEqualTo(GRANTED);
        assertThat(r.effects()).containsExactly(new Effect.GraceEnded(Harness.START.plus(PERIOD), false),
                new Effect.MonitorClient("c"));
        assertThat(h.tick().effects()).isEmpty();
    }

    @Test
    void thePeriodIsConfigurable() {
        Harness shorter = new Harness(new LockConfig(Duration.ofSeconds(30), 100, 10, Duration.ZERO));
        shorter.startGrace("a");
        shorter.advance(Duration.ofSeconds(30));
        assertThat(shorter.lock("c x 0+10").status()).isEqualTo(GRANTED);
    }

    @Test
    void withNoExpectedClientGraceEndsAtOnce() {
        assertThat(h.startGrace().effects()).containsExactly(new Effect.GraceEnded(h.now, true));
        assertThat(h.lock("c x 0+10").status()).isEqualTo(GRANTED);
    }

    @Test
    void aReclaimAfterGraceIsGrantedOnlyForALockTheOwnerStillHolds() {
        h.lock("a x 0+100");
        assertThat(h.reclaim("a x 0+10").status()).isEqualTo(GRANTED);
        assertThat(h.reclaim("a s 0+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.reclaim("a x 50+100").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.reclaim("b x 200+10").status()).isEqualTo(DENIED_GRACE_PERIOD);
        assertThat(h.held()).containsExactly("a x 0+100");
        assertThat(h.manager.counters().get(Transition.LOCK_REASSERTED)).isEqualTo(1);
        assertThat(h.manager.counters().get(Transition.LOCK_DENIED_LATE_RECLAIM)).isEqualTo(3);
    }

    @Test
    void aShareReclaimAfterGraceIsGrantedOnlyForTheSameReservation() {
        ShareReservation held = Harness.share("a", ShareAccess.READ, ShareDeny.WRITE);
        h.share(held);
        assertThat(h.on(new LockInput.Share(Harness.FILE, held, true, h.now)).status()).isEqualTo(GRANTED);
        ShareReservation other = new ShareReservation(new ShareOwner("a", Opaque.EMPTY), ShareAccess.WRITE,
                ShareDeny.NONE);
        assertThat(h.on(new LockInput.Share(Harness.FILE, other, true, h.now)).status())
                .isEqualTo(DENIED_GRACE_PERIOD);
    }
}
