package dev.handoff.cluster.failover;

import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.vip.VipConfig;
import dev.handoff.cluster.vip.VipId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a node needs to take part in a cluster: membership, the VIPs (by name, with the address and prefix
 * put on the interface), their timing and placement, and how a planned handoff ends connections.
 *
 * @param drainDeadline how long stage 1 waits for calls in flight before the move goes on without them (their
 *                      connections are reset, and the clients' retransmits meet the shared reply cache)
 */
public record ClusterSettings(ClusterConfig cluster, Map<VipId, IpPrefix> vips, VipConfig vipConfig,
                              HandoffOrder order, Duration drainDeadline) {
    public ClusterSettings {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(vipConfig, "vipConfig");
        Objects.requireNonNull(order, "order");
        vips = java.util.Collections.unmodifiableMap(new TreeMap<>(vips));
        if (drainDeadline.isNegative() || drainDeadline.compareTo(vipConfig.lease()) >= 0) {
            throw new IllegalArgumentException("the drain deadline must be shorter than the lease ("
                    + vipConfig.lease().toMillis() + " ms), or a drain could outlast the right to serve");
        }
    }
}
