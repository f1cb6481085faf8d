package dev.handoff.nlm.proc;

import static dev.handoff.nlm.proc.ProcFixture.CLIENT_A;
import static dev.handoff.nlm.proc.ProcFixture.CLIENT_B;
import static dev.handoff.nlm.proc.ProcFixture.FH;
import static dev.handoff.nlm.proc.ProcFixture.NOT_LISTED;
import static dev.handoff.nlm.proc.ProcFixture.STALE;
import static dev.handoff.nlm.proc.ProcFixture.VIP;
import static dev.handoff.nlm.proc.ProcFixture.call;
import static dev.handoff.nlm.proc.ProcFixture.lock;
import static dev.handoff.nlm.proc.ProcFixture.lockArgs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.xdr.CancelArgs;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.NotifyArgs;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.nlm.xdr.TestResult;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.Opaque;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NlmHandlersTest {
    private final ProcFixture f = new ProcFixture();

    private NlmStatus lockA(boolean block) {
        return f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), block, false)).status();
    }

    private NlmStatus lockB(boolean block) {
        return f.v4.lock(call(CLIENT_B), lockArgs(lock("b", 2, 0, 10), block, false)).status();
    }

    private NlmResult unlockA() {
        return f.v4.unlock(call(CLIENT_A), new UnlockArgs(Opaque.ofHex("c1"), lock("a", 1, 0, 0)));
    }

    @Test
    void conflictingLockIsDeniedAndTestNamesTheHolder() {
        assertThat(lockA(false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lockB(false)).isEqualTo(NlmStatus.DENIED);

        TestResult t = f.v4.test(call(CLIENT_B), new TestArgs(Opaque.ofHex("c2"), true, lock("b", 2, 5, 1)));

        assertThat(t).isInstanceOfSatisfying(TestResult.Denied.class, d -> {
            assertThat(d.cookie()).isEqualTo(Opaque.ofHex("c2"));
            assertThat(d.holder().svid()).isEqualTo(1);
            assertThat(d.holder().exclusive()).isTrue();
            assertThat(d.holder().length()).isZero();
        });
    }

    @Test
    void repliesEchoTheCallersCookie() {
        NlmResult r = f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), false, false));

        assertThat(r.cookie()).isEqualTo(Opaque.ofHex("c0"));
    }

    @Test
    void blockedLockIsGrantedByCallbackFromTheAddressTheLockReached() {
        lockA(false);
        assertThat(lockB(true)).isEqualTo(NlmStatus.BLOCKED);
        assertThat(f.callbacks.grants).isEmpty();

        unlockA();

        assertThat(f.callbacks.grants).singleElement().satisfies(g -> {
            assertThat(g.to().client()).isEqualTo(CLIENT_B);
            assertThat(g.to().local()).isEqualTo(VIP);
            assertThat(g.to().version()).isEqualTo(4);
            assertThat(g.to().transport()).isEqualTo(Transport.TCP);
            assertThat(g.args().lock().fh()).isEqualTo(FH);
            assertThat(g.args().lock().svid()).isEqualTo(2);
            assertThat(g.args().lock().length()).isEqualTo(10);
            assertThat(g.args().exclusive()).isTrue();
        });
        assertThat(f.service.grantsInFlight()).isEqualTo(1);
        FakeCallbacks.Grant g = f.callbacks.grants.getFirst();
        g.outcome().answered(new NlmResult(g.args().cookie(), NlmStatus.GRANTED));
        assertThat(f.service.grantsInFlight()).isZero();
        assertThat(lockA(false)).as("b now holds the lock").isEqualTo(NlmStatus.DENIED);
    }

    @Test
    void refusedGrantReleasesTheLock() {
        lockA(false);
        lockB(true);
        unlockA();
        FakeCallbacks.Grant g = f.callbacks.grants.getFirst();

        g.outcome().answered(new NlmResult(g.args().cookie(), NlmStatus.DENIED));

        assertThat(lockA(false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void unreachableClientsGrantReleasesTheLock() {
        lockA(false);
        lockB(true);
        unlockA();

        f.callbacks.grants.getFirst().outcome().unreachable("no lockd");

        assertThat(lockA(false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void grantedResWithAnErrorReleasesTheLock() {
        lockA(false);
        lockB(true);
        unlockA();
        Opaque cookie = f.callbacks.grants.getFirst().args().cookie();

        new NlmMessages(f.v4, f.callbacks).grantedRes(call(CLIENT_B), new NlmResult(cookie, NlmStatus.DENIED));

        assertThat(lockA(false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void eachBlockedRequestGetsItsOwnGrantCookie() {
        assertThat(f.service.nextGrantCookie()).isNotEqualTo(f.service.nextGrantCookie());
    }

    @Test
    void staleHandleIsRefusedWithoutTouchingTheTable() {
        NlmResult r = f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0, STALE), false, false));

        assertThat(r.status()).isEqualTo(NlmStatus.STALE_FH);
        assertThat(f.store.isEmpty()).isTrue();
        assertThat(f.monitored).isEmpty();
    }

    @Test
    void firstLockMonitorsTheClientByCallerNameAndTheAddressItReached() {
        lockA(false);
        f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 100, 1), false, false));

        assertThat(f.monitored).containsExactly("a@10.0.3.10->10.0.3.100");
    }

    @Test
    void nmLockDoesNotMonitor() {
        NlmResult r = f.v4.nmLock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), false, false));

        assertThat(r.status()).isEqualTo(NlmStatus.GRANTED);
        assertThat(f.monitored).isEmpty();
    }

    @Test
    void freeAllReleasesEverythingTheClientHeld() {
        lockA(false);

        f.v4.freeAll(call(CLIENT_A), new NotifyArgs("a", 3));

        assertThat(lockB(false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void rebootNoticeReleasesTheClientsLocksAndGrantsTheWaiter() {
        lockA(false);
        lockB(true);

        f.service.clientRebooted("a", 5);

        assertThat(f.callbacks.grants).hasSize(1);
    }

    @Test
    void removedFileTakesItsLocksAndWaitsWithIt() {
        lockA(false);
        lockB(true);

        f.service.fileRemoved(dev.handoff.nlm.state.FileKey.ofHex("01"));

        assertThat(f.store.isEmpty()).isTrue();
        assertThat(f.callbacks.grants).as("the waiter is dropped, not granted").isEmpty();
    }

    @Test
    void onceTicksRunRemovedFilesAreReleasedOnTheirThreadTogether() throws Exception {
        lockA(false);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            f.service.startTicks(timer);
            CountDownLatch busy = new CountDownLatch(1);
            timer.execute(() -> {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            f.service.fileRemoved(dev.handoff.nlm.state.FileKey.ofHex("01"));
            f.service.fileRemoved(dev.handoff.nlm.state.FileKey.ofHex("02"));
            assertThat(f.store.isEmpty()).as("the REMOVE does not wait for the release").isFalse();

            busy.countDown();
            timer.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(f.store.isEmpty()).isTrue();
            assertThat(f.withRecordsAsked).as("both files looked up at once").containsExactly(2);
        } finally {
            f.service.close();
            timer.shutdownNow();
        }
    }

    @Test
    void duringGraceOnlyReclaimsAreGranted() {
        f.service.startGrace(Set.of("a", "b"));

        assertThat(lockA(false)).isEqualTo(NlmStatus.DENIED_GRACE_PERIOD);
        NlmResult reclaim = f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), false, true));
        assertThat(reclaim.status()).isEqualTo(NlmStatus.GRANTED);
        assertThat(lockB(false)).as("b may not take a's file meanwhile").isEqualTo(NlmStatus.DENIED_GRACE_PERIOD);
    }

    @Test
    void graceEndsEarlyOnceEveryExpectedClientIsDone() {
        f.service.startGrace(Set.of("a"));
        f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), false, true));

        // a's first ordinary request after its reclaims marks the end of its recovery
        f.v4.test(call(CLIENT_A), new TestArgs(Opaque.EMPTY, false, lock("a", 1, 0, 0)));

        assertThat(lockB(false)).as("no longer grace; a holds the lock").isEqualTo(NlmStatus.DENIED);
    }

    @Test
    void grantedSentToTheServerIsDenied() {
        NlmResult r = f.v4.granted(call(CLIENT_A), new TestArgs(Opaque.ofHex("c3"), true, lock("a", 1, 0, 0)));

        assertThat(r.status()).isEqualTo(NlmStatus.DENIED);
    }

    @Test
    void shareReservationsConflictAcrossClients() {
        var denyWrite = new dev.handoff.nlm.xdr.ShareArgs(Opaque.EMPTY, new dev.handoff.nlm.xdr.NlmShare("a", FH,
                Opaque.ofHex("01"), dev.handoff.nlm.xdr.ShareMode.DW, dev.handoff.nlm.xdr.ShareAccess.R), false);
        var wantWrite = new dev.handoff.nlm.xdr.ShareArgs(Opaque.EMPTY, new dev.handoff.nlm.xdr.NlmShare("b", FH,
                Opaque.ofHex("02"), dev.handoff.nlm.xdr.ShareMode.DN, dev.handoff.nlm.xdr.ShareAccess.W), false);

        assertThat(f.v3.share(call(CLIENT_A), denyWrite).status()).isEqualTo(NlmStatus.GRANTED);
        assertThat(f.v3.share(call(CLIENT_B), wantWrite).status()).isEqualTo(NlmStatus.DENIED);
        assertThat(f.v3.unshare(call(CLIENT_A), denyWrite).status()).isEqualTo(NlmStatus.GRANTED);
        assertThat(f.v3.share(call(CLIENT_B), wantWrite).status()).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void anotherAddressCannotUnlockCancelOrFreeInAClientsName() {
        assertThat(lockA(false)).isEqualTo(NlmStatus.GRANTED);

        NlmResult unlock = f.v4.unlock(call(CLIENT_B), new UnlockArgs(Opaque.ofHex("c1"), lock("a", 1, 0, 0)));
        NlmResult cancel = f.v4.cancel(call(CLIENT_B),
                new CancelArgs(Opaque.ofHex("c1"), false, true, lock("a", 1, 0, 0)));
        f.v4.freeAll(call(CLIENT_B), new NotifyArgs("a", 3));
        NlmResult relock = f.v4.lock(call(CLIENT_B), lockArgs(lock("a", 1, 0, 0), false, false));

        assertThat(unlock.status()).isEqualTo(NlmStatus.DENIED_NOLOCKS);
        assertThat(cancel.status()).isEqualTo(NlmStatus.DENIED_NOLOCKS);
        assertThat(relock.status()).isEqualTo(NlmStatus.DENIED_NOLOCKS);
        assertThat(lockB(false)).as("a's lock is still there").isEqualTo(NlmStatus.DENIED);
        assertThat(unlockA().status()).as("from its own address it may").isEqualTo(NlmStatus.GRANTED);
        assertThat(lockB(false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void aTestByACallerTheExportDoesNotListIsDeniedNolocksNotAFailure() {
        TestResult t = f.v4.test(call(CLIENT_B),
                new TestArgs(Opaque.ofHex("c2"), true, lock("b", 2, 0, 1, NOT_LISTED)));

        assertThat(t).isEqualTo(new TestResult.Fail(Opaque.ofHex("c2"), NlmStatus.DENIED_NOLOCKS));
    }
}
