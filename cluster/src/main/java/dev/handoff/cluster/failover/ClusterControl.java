package dev.handoff.cluster.failover;

import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;

/**
 * What an operator asks of the cluster, from any node (the admin API and the {@code handoff} CLI verbs call
 * this). Requests return at once; the move itself happens on the nodes concerned and shows in {@link #status}.
 */
public interface ClusterControl {

    /** Members, VIP rows, connections, locks, grace and recent handoffs, as this node sees them now. */
    ClusterStatus status();

    /** Asks the owner of {@code vip} to hand it to {@code to}; refused with a reason when it cannot be done. */
    Outcome move(VipId vip, NodeId to);

    /**
     * Marks {@code node} draining (its VIPs move away and none come back) or no longer draining. Kept in the
     * shared state, so it survives the node's restart until undrained.
     */
    Outcome drain(NodeId node, boolean drain);

    /** The answer to a request: accepted, or refused with what to do instead. */
    record Outcome(boolean accepted, String message) {
        public static Outcome accepted(String message) {
            return new Outcome(true, message);
        }

        public static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }
}
