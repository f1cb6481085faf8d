package dev.handoff.nlm.callback;

import java.util.EnumMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * GRANTED callbacks by {@link GrantResult}, counted once each when its outcome is known; bumped on the RPC client
 * and timer threads, read by the metrics exporter. A growing {@link GrantResult#FAILED} count means clients'
 * lock managers cannot be reached from the VIP (firewall, rpcbind), so blocked locks are lost.
 */
public final class GrantCounters {
    private final EnumMap<GrantResult, LongAdder> counters = new EnumMap<>(GrantResult.class);

    public GrantCounters() {
        for (GrantResult r : GrantResult.values()) {
            counters.put(r, new LongAdder());
        }
    }

    void increment(GrantResult r) {
        counters.get(r).increment();
    }

    public long get(GrantResult r) {
        return counters.get(r).sum();
    }
}
