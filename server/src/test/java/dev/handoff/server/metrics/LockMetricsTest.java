package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.callback.GrantCounters;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.ForwardingLockStore;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.nlm.state.LockTally;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.Waiter;
import dev.handoff.rpc.xdr.Opaque;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lock manager's series against a real registry: names, units, help text and values in the scrape. */
class LockMetricsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final FileKey FILE = FileKey.ofHex("f1");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final InMemoryLockStore store = new InMemoryLockStore();
    private final LockManager manager = new LockManager(store, LockConfig.DEFAULT);
    private InstantSource clock = InstantSource.fixed(T0);

    private LockMetrics bind(LockStore s) {
        return new LockMetrics(registry, s, () -> clock.instant(), manager.counters(), new GrantCounters());
    }

    private static RangeLock lock(String client, long offset) {
        return new RangeLock(new LockOwner(client, 1, Opaque.ofHex("01")), LockType.EXCLUSIVE,
                LockRange.of(offset, 10));
    }

    @Test
    void anEmptyTableExportsEverySeriesAtZero() {
        bind(store);

        String text = registry.scrape();

        assertThat(text).contains("# HELP handoff_nlm_locks ", "# TYPE handoff_nlm_locks gauge",
                "handoff_nlm_locks 0.0", "handoff_nlm_blocked_waits 0.0", "handoff_nlm_lock_files 0.0",
                "handoff_nlm_shares 0.0", "handoff_nlm_pending_grants 0.0", "handoff_nlm_grace 0.0",
                "handoff_nlm_granted_callbacks_total{result=\"accepted\"} 0.0",
                "handoff_nlm_granted_callbacks_total{result=\"refused\"} 0.0",
                "handoff_nlm_granted_callbacks_total{result=\"failed\"} 0.0",
                "handoff_nlm_transitions_total{transition=\"lock.granted\"} 0.0");
    }

    @Test
    void locksAndBlockedWaitsAreCountedFromTheTableAtEachRefresh() {
        LockMetrics metrics = bind(store);
        Waiter waiter = new Waiter(lock("c", 0), Opaque.ofHex("02"), Opaque.EMPTY, T0);
        store.commit(store.load(FILE), FileLocks.empty(FILE).withLocks(List.of(lock("a", 0), lock("a", 20)))
                .withWaiters(List.of(waiter)).withVersion(1));
        assertThat(registry.scrape()).as("nothing read before the refresh").contains("handoff_nlm_locks 0.0");

        metrics.refresh();
        String text = registry.scrape();

        assertThat(text).contains("handoff_nlm_locks 2.0", "handoff_nlm_blocked_waits 1.0",
                "handoff_nlm_lock_files 1.0");
    }

    @Test
    void graceIsOneUntilItsPeriodEnds() {
        LockMetrics metrics = bind(store);
        manager.on(new LockInput.StartGrace(Set.of("client-a"), T0));

        metrics.refresh();
        assertThat(registry.scrape()).contains("handoff_nlm_grace 1.0",
                "handoff_nlm_transitions_total{transition=\"grace.started\"} 1.0");

        clock = InstantSource.fixed(T0.plus(LockConfig.DEFAULT.gracePeriod()).plus(Duration.ofSeconds(1)));
        metrics.refresh();
        assertThat(registry.scrape()).contains("handoff_nlm_grace 0.0");
    }

    @Test
    void countsAStoreDoesNotKeepAreNaNNotZero() {
        bind(new FilesOnlyStore(store, 3));

        String text = registry.scrape();

        assertThat(text).contains("handoff_nlm_lock_files 3.0", "handoff_nlm_locks NaN",
                "handoff_nlm_blocked_waits NaN");
    }

    /** A store that, like a shared one without its own counts, knows only how many files hold locks. */
    private static final class FilesOnlyStore extends ForwardingLockStore {
        private final int files;

        FilesOnlyStore(LockStore inner, int files) {
            super(inner);
            this.files = files;
        }

        @Override
        public int fileCount() {
            return files;
        }

        @Override
        public LockTally tally() {
            return LockTally.filesOnly(files); // what LockStore's default says: files, nothing more
        }
    }
}
