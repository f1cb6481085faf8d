package dev.handoff.it.soak;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load did, counted by every thread of it: calls answered per procedure, connections, disconnects, and
 * the things that should not happen (an unexpected status, a GRANTED callback that never came, a READ that gave
 * back other bytes than were written), with the first few of those described.
 */
final class LoadCounters {
    /** Counters whose sum is the anomalies of the run. */
    static final List<String> ANOMALIES = List.of("unexpected_status", "grant_timeouts", "data_mismatches",
            "errors");
    private static final int DESCRIBED = 20;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    void add(String name) {
        counts.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    /** One answered call of {@code op}. */
    void answered(String op) {
        add("ops");
        add("op_" + op);
    }

    void anomaly(String counter, String description) {
        add(counter);
        if (problems.size() < DESCRIBED) {
            problems.add(counter + ": " + description);
        }
    }

    long get(String name) {
        LongAdder a = counts.get(name);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        for (String a : ANOMALIES) {
            out.putIfAbsent(a, 0L);
        }
        return out;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
