package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random walks over every input, checking after each step what must always hold: owners' locks disjoint and
 * merged, no two held locks in conflict, no waiter left that could be granted, the client index equal to the
 * records; and at the end, after every client is released, an empty store.
 */
class LockManagerRandomTest {
    private static final List<String> OWNERS = List.of("a", "a:2", "b", "b:2", "c");
    private static final List<String> CLIENTS = List.of("a", "b", "c");
    private static final List<FileKey> FILES = List.of(Harness.FILE, Harness.OTHER_FILE);

    @ParameterizedTest(name = "seed {0}, window {1} s")
    @CsvSource({"1, 0", "2, 0", "3, 10", "4, 10", "5, 3"})
    void invariantsHoldAndNothingLeaks(long seed, long windowSeconds) {
        Duration window = Duration.ofSeconds(windowSeconds);
        Harness h = new Harness(new LockConfig(Duration.ofSeconds(90), 12, 4, window));
        Random rnd = new Random(seed);
        for (int step = 0; step < 1500; step++) {
            FileKey file = FILES.get(rnd.nextInt(FILES.size()));
            String owner = OWNERS.get(rnd.nextInt(OWNERS.size()));
            String range = randomRange(rnd);
            String spec = owner + (rnd.nextBoolean() ? " x " : " s ") + range;
            switch (rnd.nextInt(12)) {
                case 0, 1, 2 -> h.lock(file, spec, rnd.nextBoolean(), false);
                case 3, 4 -> h.on(new LockInput.Unlock(file, Harness.owner(owner), Harness.range(range), h.now));
                case 5 -> {
                    List<Waiter> queue = h.store.load(file).waiters();
                    RangeLock victim = queue.isEmpty() || rnd.nextInt(4) == 0 ? Harness.parse(spec)
                            : queue.get(rnd.nextInt(queue.size())).lock();
                    h.on(new LockInput.Cancel(file, victim, h.now));
                }
                case 6 -> {
                    List<PendingGrant> grants = h.store.load(file).grants();
                    Opaque c = grants.isEmpty() ? Opaque.ofHex("ff")
                            : grants.get(rnd.nextInt(grants.size())).waiter().cookie();
                    h.on(rnd.nextBoolean() ? new LockInput.GrantConfirmed(file, c, h.now)
                            : new LockInput.GrantFailed(file, c, h.now));
                }
                case 7 -> h.on(new LockInput.Share(file, Harness.share(owner.substring(0, 1),
                        ShareAccess.values()[rnd.nextInt(4)], ShareDeny.values()[rnd.nextInt(4)]), false, h.now));
                case 8 -> h.on(new LockInput.Unshare(file, new ShareOwner(owner.substring(0, 1), Opaque.EMPTY),
                        h.now));
                case 9 -> {
                    h.advance(Duration.ofSeconds(rnd.nextInt(4)));
                    h.tick();
                }
                case 10 -> h.on(new LockInput.Test(file, Harness.parse(spec), h.now));
                default -> {
                    if (rnd.nextInt(10) == 0) {
                        h.freeAll(CLIENTS.get(rnd.nextInt(CLIENTS.size())));
                    } else if (rnd.nextInt(10) == 0) {
                        h.on(new LockInput.ReleaseFile(file, h.now));
                    }
                }
            }
            for (FileKey f : FILES) {
                checkInvariants(h, f, window);
            }
        }
        for (String client : CLIENTS) {
            h.freeAll(client);
        }
        assertThat(h.store.isEmpty()).isTrue();
        // The walk went through the interesting transitions, not just around them.
        TransitionCounters n = h.manager.counters();
        assertThat(List.of(Transition.LOCK_BLOCKED, Transition.WAIT_GRANTED, Transition.CANCEL_REMOVED,
                Transition.GRANT_CONFIRMED, Transition.GRANT_FAILED, Transition.LOCK_DEADLOCK, Transition.SHARE_DENIED))
                .allSatisfy(t -> assertThat(n.get(t)).as(t.metricName()).isPositive());
        assertThat(n.get(Transition.STORE_CONFLICT)).isZero();
    }

    private static String randomRange(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> rnd.nextInt(30) + "+eof";
            case 1 -> "18446744073709551610+" + (rnd.nextInt(8));
            default -> rnd.nextInt(30) + "+" + (1 + rnd.nextInt(12));
        };
    }

    private static void checkInvariants(Harness h, FileKey file, Duration window) {
        FileLocks f = h.store.load(file);
        PosixLocksTest.assertInvariant(f.locks());
        for (RangeLock x : f.locks()) {
            for (RangeLock y : f.locks()) {
                assertThat(x.conflictsWith(y)).as("%s held with %s", x, y).isFalse();
            }
        }
        for (int i = 0; i < f.waiters().size(); i++) {
            Waiter w = f.waiters().get(i);
            boolean blocked = PosixLocks.conflict(f.locks(), w.lock()).isPresent();
            boolean yields = WaitQueue.yields(w.lock(), w.queuedAt(), f.waiters().subList(0, i), f.locks(), window,
                    h.now);
            assertThat(blocked || yields).as("waiter %s could be granted", w.lock()).isTrue();
        }
        for (PendingGrant g : f.grants()) {
            assertThat(f.waiters()).noneMatch(w -> w.cookie().equals(g.waiter().cookie()));
        }
        for (String client : CLIENTS) {
            ClientUsage sum = ClientUsage.NONE;
            for (FileKey k : FILES) {
                sum = sum.plus(h.store.load(k).usageOf(client));
            }
            assertThat(h.store.usage(client)).isEqualTo(sum);
        }
    }
}
