package dev.handoff.cluster.vip;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node's view of who may hold VIPs: the members it sees alive (and since when, on its clock), and the
 * nodes being drained. Mutable, owned by {@link VipOwnership}.
 */
final class Membership {
    private final NodeId self;
    private final Map<NodeId, Instant> aliveSince = new TreeMap<>();
    private final Set<NodeId> draining = new TreeSet<>();

    Membership(NodeId self, Instant now) {
        this.self = self;
        aliveSince.put(self, now);
    }

    void alive(Set<NodeId> alive, Instant now) {
        aliveSince.keySet().retainAll(alive);
        alive.forEach(n -> aliveSince.putIfAbsent(n, now));
        aliveSince.putIfAbsent(self, now);
    }

    /** Marks {@code node} draining or not; whether that changed anything. */
    boolean drain(NodeId node, boolean drain) {
        return drain ? draining.add(node) : draining.remove(node);
    }

    boolean draining(NodeId node) {
        return draining.contains(node);
    }

    /** Alive and not draining: a node a VIP may be placed on. */
    boolean candidate(NodeId node) {
        return aliveSince.containsKey(node) && !draining.contains(node);
    }

    /** A candidate that has been alive for at least {@code stableFor}: rebalancing moves VIPs only to these. */
    boolean stable(NodeId node, Instant now, Duration stableFor) {
        return candidate(node) && !now.isBefore(aliveSince.get(node).plus(stableFor));
    }

    /** The candidates, without {@code exclude} unless that would leave none. */
    Set<NodeId> candidates(NodeId exclude) {
        Set<NodeId> out = new TreeSet<>();
        aliveSince.keySet().stream().filter(this::candidate).forEach(out::add);
        if (exclude != null && out.size() > 1) {
            out.remove(exclude);
        }
        return out;
    }
}
