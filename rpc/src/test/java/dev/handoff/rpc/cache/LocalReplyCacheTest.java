package dev.handoff.rpc.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.cache.ReplyCache.Lookup;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.dispatch.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The duplicate reply cache's rules, driven by a manual clock. */
class LocalReplyCacheTest {
    private static final InetSocketAddress VIP = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2049);
    private static final Duration TTL = Duration.ofSeconds(180);

    private final ManualClock clock = new ManualClock();

    private static ReplyCacheKey key(int xid) {
        return key(xid, 800);
    }

    private static ReplyCacheKey key(int xid, int clientPort) {
        return new ReplyCacheKey(Transport.TCP, VIP, new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort), xid,
                100003, 3, 12, 40, 0x1234);
    }

    private static Opaque reply(int bytes) {
        return Opaque.copyOf(new byte[bytes]);
    }

    private LocalReplyCache cache(int maxEntries, long maxBytes) {
        return new LocalReplyCache(clock, TTL, maxEntries, maxBytes);
    }

    @Test
    void aNewCallExecutesAndItsRetransmissionWhileRunningIsDropped() {
        LocalReplyCache c = new LocalReplyCache(clock);
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.Execute.class);
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.InProgress.class);
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.InProgress.class);
        assertThat(c.drops()).isEqualTo(2);
        assertThat(c.entries()).isEqualTo(1);
        assertThat(c.bytes()).isZero();
    }

    @Test
    void aCompletedCallIsReplayedWithItsExactBytes() {
        LocalReplyCache c = new LocalReplyCache(clock);
        Opaque first = Opaque.ofHex("0000000100000001000000000000000000000000");
        c.begin(key(1));
        c.complete(key(1), first);
        assertThat(c.begin(key(1))).isEqualTo(new Lookup.Replay(first));
        assertThat(c.begin(key(1))).isEqualTo(new Lookup.Replay(first));
        assertThat(c.hits()).isEqualTo(2);
        assertThat(c.bytes()).isEqualTo(first.length());
        assertThat(c.entries()).isEqualTo(1);
    }

    @Test
    void callsDifferingInXidOrClientPortAreDifferentEntries() {
        LocalReplyCache c = new LocalReplyCache(clock);
        c.begin(key(1, 800));
        assertThat(c.begin(key(2, 800))).isInstanceOf(Lookup.Execute.class);
        assertThat(c.begin(key(1, 801))).isInstanceOf(Lookup.Execute.class);
        assertThat(c.entries()).isEqualTo(3);
    }

    @Test
    void aReplyIsKeptForTheTtlAndThenForgotten() {
        LocalReplyCache c = new LocalReplyCache(clock);
        assertThat(LocalReplyCache.DEFAULT_TTL).isEqualTo(Duration.ofSeconds(180));
        c.begin(key(1));
        c.complete(key(1), reply(8));
        c.begin(key(2));
        c.complete(key(2), reply(8));
        clock.advance(TTL.minusMillis(1));
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.Replay.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(c.begin(key(2))).as("180 s after completion").isInstanceOf(Lookup.Execute.class);
        assertThat(c.bytes()).as("only key 1's reply is left").isEqualTo(8);
        assertThat(c.evictions()).as("expiry is not eviction").isZero();
    }

    @Test
    void aReplayRestartsTheTtlBecauseTheClientIsStillRetrying() {
        LocalReplyCache c = new LocalReplyCache(clock);
        c.begin(key(1));
        c.complete(key(1), reply(8));
        clock.advance(Duration.ofSeconds(170));
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.Replay.class);
        clock.advance(Duration.ofSeconds(170));
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.Replay.class);
    }

    @Test
    void anInProgressEntryOlderThanTheTtlIsDroppedAsItsWorkerDied() {
        LocalReplyCache c = new LocalReplyCache(clock);
        c.begin(key(1));
        clock.advance(TTL.minusSeconds(1));
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.InProgress.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(c.begin(key(1))).as("runs again").isInstanceOf(Lookup.Execute.class);
        assertThat(c.entries()).isEqualTo(1);
    }

    @Test
    void aCompletionAfterTheInProgressMarkExpiredIsNotStored() {
        LocalReplyCache c = new LocalReplyCache(clock);
        c.begin(key(1));
        clock.advance(TTL);
        c.complete(key(1), reply(8));
        assertThat(c.entries()).isZero();
        assertThat(c.bytes()).isZero();
    }

    @Test
    void abandonForgetsTheInProgressMark() {
        LocalReplyCache c = new LocalReplyCache(clock);
        c.begin(key(1));
        c.abandon(key(1));
        assertThat(c.entries()).isZero();
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.Execute.class);
    }

    @Test
    void completingAKeyThatNeverBeganStoresNothing() {
        LocalReplyCache c = new LocalReplyCache(clock);
        c.complete(key(9), reply(8));
        assertThat(c.entries()).isZero();
        assertThat(c.begin(key(9))).isInstanceOf(Lookup.Execute.class);
    }

    @Test
    void theEntryLimitEvictsTheOldestDoneEntryFirst() {
        LocalReplyCache c = cache(3, 1 << 20);
        for (int xid = 1; xid <= 3; xid++) {
            c.begin(key(xid));
            c.complete(key(xid), reply(4));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(c.begin(key(4))).isInstanceOf(Lookup.Execute.class);
        assertThat(c.evictions()).isEqualTo(1);
        assertThat(c.entries()).isEqualTo(3);
        assertThat(c.begin(key(2))).isInstanceOf(Lookup.Replay.class);
        assertThat(c.begin(key(3))).isInstanceOf(Lookup.Replay.class);
        assertThat(c.begin(key(1))).as("the oldest went first").isInstanceOf(Lookup.Execute.class);
    }

    @Test
    void anInProgressEntryIsNeverEvictedToMakeRoom() {
        LocalReplyCache c = cache(2, 1 << 20);
        c.begin(key(1));
        c.begin(key(2));
        c.complete(key(2), reply(4));
        clock.advance(Duration.ofSeconds(1));
        assertThat(c.begin(key(3))).isInstanceOf(Lookup.Execute.class);
        assertThat(c.evictions()).isEqualTo(1);
        assertThat(c.begin(key(1))).as("still running").isInstanceOf(Lookup.InProgress.class);
    }

    @Test
    void whenFullOfInProgressEntriesACallRunsUncachedAndIsCounted() {
        LocalReplyCache c = cache(2, 1 << 20);
        c.begin(key(1));
        c.begin(key(2));
        assertThat(c.begin(key(3))).isInstanceOf(Lookup.Execute.class);
        assertThat(c.uncached()).isEqualTo(1);
        assertThat(c.entries()).isEqualTo(2);
        c.complete(key(3), reply(4));
        assertThat(c.entries()).as("nothing to complete").isEqualTo(2);
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.InProgress.class);
        assertThat(c.evictions()).isZero();
    }

    @Test
    void theByteLimitEvictsOldestDoneEntriesUntilTheReplyFits() {
        LocalReplyCache c = cache(100, 100);
        for (int xid = 1; xid <= 3; xid++) {
            c.begin(key(xid));
            c.complete(key(xid), reply(30));
        }
        assertThat(c.bytes()).isEqualTo(90);
        c.begin(key(4));
        c.complete(key(4), reply(50));
        assertThat(c.evictions()).isEqualTo(2);
        assertThat(c.bytes()).isEqualTo(80);
        assertThat(c.begin(key(3))).isInstanceOf(Lookup.Replay.class);
        assertThat(c.begin(key(1))).isInstanceOf(Lookup.Execute.class);
    }

    @Test
    void aReplyLargerThanTheWholeCacheIsNotKept() {
        LocalReplyCache c = cache(100, 100);
        c.begin(key(1));
        c.complete(key(1), reply(30));
        c.begin(key(2));
        c.complete(key(2), reply(101));
        assertThat(c.bytes()).isEqualTo(30);
        assertThat(c.evictions()).isZero();
        assertThat(c.uncached()).isEqualTo(1);
        assertThat(c.begin(key(2))).isInstanceOf(Lookup.Execute.class);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new LocalReplyCache(clock, Duration.ZERO, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCopiesOfOneCallExecuteItExactlyOnce() throws Exception {
        LocalReplyCache c = new LocalReplyCache(clock);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Lookup>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> {
                go.await();
                return c.begin(key(1));
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Lookup>> results = tasks.stream().map(pool::submit).toList();
            go.countDown();
            List<Lookup> lookups = new ArrayList<>();
            for (Future<Lookup> f : results) {
                lookups.add(f.get());
            }
            assertThat(lookups).filteredOn(Lookup.Execute.class::isInstance).hasSize(1);
            assertThat(c.drops()).isEqualTo(threads - 1);
        }
    }

    /** Time that moves only when the test says so. */
    private static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }
}
