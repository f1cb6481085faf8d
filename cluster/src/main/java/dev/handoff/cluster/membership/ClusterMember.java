package dev.handoff.cluster.membership;

import dev.handoff.cluster.vip.NodeId;
import java.util.Objects;

/**
 * A member as the cluster sees it: its node name and whether it is a witness (there for the quorum only; the VIP
 * machine never sees it, so it never owns a VIP).
 */
public record ClusterMember(NodeId node, boolean witness) {
    public ClusterMember {
        Objects.requireNonNull(node, "node");
    }
}
