package dev.handoff.nsm;

import dev.handoff.nsm.state.NsmEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** One counter per {@link NsmEvent}; bumped from any thread, read by the metrics exporter. */
public final class NsmCounters {
    private final EnumMap<NsmEvent, LongAdder> counters = new EnumMap<>(NsmEvent.class);

    public NsmCounters() {
        for (NsmEvent e : NsmEvent.values()) {
            counters.put(e, new LongAdder());
        }
    }

    void increment(NsmEvent e) {
        counters.get(e).increment();
    }

    public long get(NsmEvent e) {
        return counters.get(e).sum();
    }

    /** Every counter, zeros included, by metric name in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((e, c) -> out.put(e.metricName(), c.sum()));
        return out;
    }
}
