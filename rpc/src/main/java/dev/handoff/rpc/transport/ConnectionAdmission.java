package dev.handoff.rpc.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the server's live TCP connections, in all and per client address, against {@link ConnectionLimits}. */
final class ConnectionAdmission {
    private volatile ConnectionLimits limits = ConnectionLimits.DEFAULT;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final LimitCounts counts;

    ConnectionAdmission(LimitCounts counts) {
        this.counts = counts;
    }

    void limits(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Counts a new connection from {@code client}; null (and nothing counted) when it is past a limit. */
    String admit(InetAddress client) {
        ConnectionLimits l = limits;
        if (total.incrementAndGet() > l.total()) {
            total.decrementAndGet();
            counts.connectionRefused(true);
            return "connection limit: " + l.total() + " connections in all";
        }
        AtomicInteger mine = perClient.computeIfAbsent(client, k -> new AtomicInteger());
        if (mine.incrementAndGet() > l.perClient()) {
            mine.decrementAndGet();
            total.decrementAndGet();
            counts.connectionRefused(false);
            return "connection limit: " + l.perClient() + " connections from " + client.getHostAddress();
        }
        return null;
    }

    void release(InetAddress client) {
        total.decrementAndGet();
        perClient.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int total() {
        return total.get();
    }
}
