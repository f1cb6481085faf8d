package dev.handoff.server.metrics;

import dev.handoff.nlm.callback.GrantCounters;
import dev.handoff.nlm.callback.GrantResult;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.nlm.state.LockTally;
import dev.handoff.nlm.state.Transition;
import dev.handoff.nlm.state.TransitionCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.function.ToLongFunction;

/**
 * The NLM lock manager (XNFS §10) as gauges and counters: what the lock table holds (files, locks, shares,
 * blocked waits, unanswered GRANTED callbacks), whether the grace period is on, how each GRANTED callback
 * ended, and every lock-manager transition. In a cluster the table is shared, so every node reports the same
 * table counts; a dashboard takes their {@code max}, not their sum.
 *
 * <p>The table is read once per scrape ({@link #refresh}): with a shared table a read is a cluster call.
 */
final class LockMetrics {
    private final LockStore store;
    private final InstantSource clock;
    private volatile LockTally tally;
    private volatile boolean grace;

    LockMetrics(MeterRegistry registry, LockStore store, InstantSource clock, TransitionCounters transitions,
                GrantCounters grants) {
        this.store = store;
        this.clock = clock;
        refresh();
        tallyGauge(registry, "handoff.nlm.lock.files", "files", LockTally::files,
                "Files with at least one lock, share, blocked wait or pending grant in the lock table");
        tallyGauge(registry, "handoff.nlm.locks", "locks", LockTally::locks,
                "Byte-range locks held in the lock table (NLM LOCK granted, GRANTED callbacks included)");
        tallyGauge(registry, "handoff.nlm.shares", "shares", LockTally::shares,
                "Share reservations held (NLM SHARE, DOS-style open modes)");
        tallyGauge(registry, "handoff.nlm.blocked.waits", "waits", LockTally::waiters,
                "Blocking LOCK requests queued behind a conflicting lock, waiting for a GRANTED callback");
        tallyGauge(registry, "handoff.nlm.pending.grants", "grants", LockTally::pendingGrants,
                "Locks granted to a waiter whose GRANTED callback the client has not answered yet");
        Gauge.builder("handoff.nlm.grace", this, m -> m.grace ? 1 : 0)
                .description("1 while the lock manager's grace period lasts (only reclaims are granted), else 0")
                .register(registry);
        for (GrantResult r : GrantResult.values()) {
            FunctionCounter.builder("handoff.nlm.granted.callbacks", grants, g -> g.get(r)).baseUnit("callbacks")
                    .tag("result", r.label())
                    .description("GRANTED callbacks to clients' lock managers by outcome: accepted, refused by "
                            + "the client, or failed (no answer after every retry); refused and failed release "
                            + "the lock")
                    .register(registry);
        }
        for (Transition t : Transition.values()) {
            FunctionCounter.builder("handoff.nlm.transitions", transitions, c -> c.get(t)).baseUnit("transitions")
                    .tag("transition", t.metricName())
                    .description("Lock manager transitions on this node (granted, blocked, denied, grace, ...)")
                    .register(registry);
        }
    }

    /** Called before each scrape. */
    void refresh() {
        tally = store.tally();
        grace = store.grace().active(clock.instant());
    }

    private void tallyGauge(MeterRegistry registry, String name, String unit, ToLongFunction<LockTally> count,
                            String description) {
        Gauge.builder(name, this, m -> known(count.applyAsLong(m.tally))).baseUnit(unit).description(description)
                .register(registry);
    }

    /** A count the store does not keep is NaN: Prometheus then shows no value rather than a false zero. */
    private static double known(long count) {
        return count == LockTally.UNKNOWN ? Double.NaN : count;
    }
}
