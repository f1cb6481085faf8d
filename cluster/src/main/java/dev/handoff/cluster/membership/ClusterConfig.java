package dev.handoff.cluster.membership;

import dev.handoff.cluster.vip.NodeId;
import java.time.Duration;
import java.util.Objects;

/**
 * What one node's cluster member needs: its stable name, where it listens, how it finds the others, the
 * configured cluster size the quorum is a majority of, the failure-detection timing and whether it is a witness
 * (counts for quorum, never owns a VIP: the third vote of a two-node cluster).
 *
 * <p>Hazelcast counts heartbeat settings in whole seconds; a member whose last heartbeat is older than
 * {@code maxNoHeartbeat} is suspected at the next check, so a silent death is seen within
 * {@link #detectionBound()} (defaults: 1 s + 2 s = 3 s); a silent master takes a few tens of milliseconds more,
 * while the survivors agree on a new one. A member that dies with its sockets closed (process killed, host up)
 * is seen well under a second, from the refused reconnects.
 *
 * @param joinWait   how long a starting member looks for others before forming a cluster of its own
 * @param mergeDelay how often a partition's halves look for each other to merge again after it heals
 */
public record ClusterConfig(NodeId nodeName, String clusterName, String bindAddress, int port, Discovery discovery,
        int expectedSize, boolean witness, Duration heartbeatInterval, Duration maxNoHeartbeat, Duration joinWait,
        Duration mergeDelay) {
    public static final int MAX_CLUSTER_SIZE = Discovery.MAX_MEMBERS;
    public static final int MAX_CLUSTER_NAME = 64;
    /** Binding to this address means every interface (Kubernetes: whatever the pod has). */
    public static final String ANY_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 5701;

    public ClusterConfig {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(discovery, "discovery");
        if (clusterName.isBlank() || clusterName.length() > MAX_CLUSTER_NAME) {
            throw new IllegalArgumentException("cluster name must have 1.." + MAX_CLUSTER_NAME + " characters");
        }
        if (bindAddress.isBlank() || bindAddress.length() > Discovery.MAX_NAME) {
            throw new IllegalArgumentException("bad bind address: " + bindAddress);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (expectedSize < 1 || expectedSize > MAX_CLUSTER_SIZE) {
            throw new IllegalArgumentException("expected cluster size must be 1.." + MAX_CLUSTER_SIZE);
        }
        requireWholeSeconds(heartbeatInterval, "heartbeatInterval", 1);
        requireWholeSeconds(maxNoHeartbeat, "maxNoHeartbeat", 1);
        requireWholeSeconds(joinWait, "joinWait", 0);
        requireWholeSeconds(mergeDelay, "mergeDelay", 1);
        if (maxNoHeartbeat.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("maxNoHeartbeat must exceed heartbeatInterval, or every member is"
                    + " suspected between two heartbeats");
        }
    }

    /** Defaults for everything but identity, address and discovery: 1 s heartbeats, 2 s silence, 2 s join wait. */
    public static ClusterConfig of(NodeId nodeName, String bindAddress, int port, Discovery discovery,
            int expectedSize) {
        return new ClusterConfig(nodeName, "handoff", bindAddress, port, discovery, expectedSize, false,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public ClusterConfig withWitness(boolean witness) {
        return new ClusterConfig(nodeName, clusterName, bindAddress, port, discovery, expectedSize, witness,
                heartbeatInterval, maxNoHeartbeat, joinWait, mergeDelay);
    }

    public ClusterConfig withClusterName(String clusterName) {
        return new ClusterConfig(nodeName, clusterName, bindAddress, port, discovery, expectedSize, witness,
                heartbeatInterval, maxNoHeartbeat, joinWait, mergeDelay);
    }

    public ClusterConfig withJoinWait(Duration joinWait) {
        return new ClusterConfig(nodeName, clusterName, bindAddress, port, discovery, expectedSize, witness,
                heartbeatInterval, maxNoHeartbeat, joinWait, mergeDelay);
    }

    /** Members needed for split-brain protection: a strict majority of the configured size. */
    public int quorum() {
        return expectedSize / 2 + 1;
    }

    /** Worst case from a silent death to its suspicion: the allowed silence plus one check period. */
    public Duration detectionBound() {
        return maxNoHeartbeat.plus(heartbeatInterval);
    }

    private static void requireWholeSeconds(Duration d, String name, long min) {
        Objects.requireNonNull(d, name);
        if (d.toNanos() % 1_000_000_000L != 0 || d.toSeconds() < min || d.toSeconds() > 3600) {
            throw new IllegalArgumentException(name + " must be whole seconds in " + min + "..3600: " + d);
        }
    }
}
