package dev.handoff.nlm.state;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** One counter per {@link Transition}; safe to bump from every worker thread and to read from the metrics exporter. */
public final class TransitionCounters {
    private final EnumMap<Transition, LongAdder> counters = new EnumMap<>(Transition.class);

    public TransitionCounters() {
        for (Transition t : Transition.values()) {
            counters.put(t, new LongAdder());
        }
    }

    void add(Transition t, long n) {
        counters.get(t).add(n);
    }

    void increment(Transition t) {
        add(t, 1);
    }

    public long get(Transition t) {
        return counters.get(t).sum();
    }

    /** Every counter, zeros included, by metric name in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((t, c) -> out.put(t.metricName(), c.sum()));
        return out;
    }
}
