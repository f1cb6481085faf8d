package dev.handoff.server;

import dev.handoff.cluster.failover.ClusterSettings;
import java.util.Objects;

/**
 * Cluster mode of {@code handoff serve}: the cluster's settings and how VIPs reach this node's interface.
 *
 * @param vipInterface    the interface VIPs are added to (Linux address mode)
 * @param manualAddresses something else moves the addresses (a load balancer, keepalived); Handoff only serves
 */
public record ClusterServe(ClusterSettings settings, String vipInterface, boolean manualAddresses) {
    public ClusterServe {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(vipInterface, "vipInterface");
    }
}
