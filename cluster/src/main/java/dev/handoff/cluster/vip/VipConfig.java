package dev.handoff.cluster.vip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Timing and placement for {@link VipOwnership}; the same on every node.
 *
 * @param lease            how long an owner may serve after sending its last applied write
 * @param margin           added by other nodes before they take over. The owner notices its lease ran out
 *                         at its next tick and then removes the address, and clocks run at slightly
 *                         different rates, so: margin &ge; tick period + time to remove an address
 *                         + (lease + margin) &times; the largest clock rate difference between two nodes
 * @param renewEvery       the owner renews once its last applied write is this old (at most half the lease,
 *                         so one lost renewal does not stop service)
 * @param writeTimeout     an unanswered write is given up after this long; above the table's round trip,
 *                         or claims never succeed (safety does not depend on it)
 * @param memberStableFor  a member must have been alive this long before rebalancing moves a VIP to it
 * @param rebalanceHoldoff at least this long between two rebalancing moves started by one node
 * @param preferences      per VIP, nodes in order of preference, used to place FREE or expired VIPs
 */
public record VipConfig(Duration lease, Duration margin, Duration renewEvery, Duration writeTimeout,
                        Duration memberStableFor, Duration rebalanceHoldoff, Map<VipId, List<NodeId>> preferences) {
    public VipConfig {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(renewEvery, "renewEvery");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(memberStableFor, "memberStableFor");
        Objects.requireNonNull(rebalanceHoldoff, "rebalanceHoldoff");
        preferences = Map.copyOf(preferences);
        if (!lease.isPositive() || !margin.isPositive() || !renewEvery.isPositive() || !writeTimeout.isPositive()) {
            throw new IllegalArgumentException("lease, margin, renewal period and write timeout must be positive");
        }
        if (renewEvery.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("renew at least twice per lease");
        }
        if (writeTimeout.compareTo(lease) > 0) {
            throw new IllegalArgumentException("a write timeout longer than the lease is never useful");
        }
    }

    /**
     * 3 s lease, 1 s margin, renewal every second, for ticks every 250 ms: a crashed owner's VIP is taken over
     * about 4.3 s after its last renewal, inside the 5 s crash target of the failover issue.
     */
    public static VipConfig defaults() {
        return new VipConfig(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Map.of());
    }

    public List<NodeId> preferred(VipId vip) {
        return preferences.getOrDefault(vip, List.of());
    }
}
