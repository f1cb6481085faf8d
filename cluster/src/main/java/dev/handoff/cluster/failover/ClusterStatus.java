package dev.handoff.cluster.failover;

import java.util.List;

/**
 * The cluster as one node sees it, for {@code handoff status} and {@code GET /v1/status}. Plain values only, so
 * it turns into JSON as it is.
 *
 * @param node         the node answering
 * @param clustered    false for a single server without a cluster (then members and vips are empty)
 * @param quorum       whether that node sees a majority of {@code expectedSize}
 * @param grace        whether locks are in their grace period (only reclaims granted), cluster-wide
 * @param locks        lock entries held in the (shared) lock table
 * @param recent       the latest handoffs and takeovers, newest first
 */
public record ClusterStatus(String node, boolean clustered, boolean quorum, int expectedSize,
                            List<Member> members, List<Vip> vips, boolean grace, long locks,
                            List<HandoffReport> recent) {
    public ClusterStatus {
        members = List.copyOf(members);
        vips = List.copyOf(vips);
        recent = List.copyOf(recent);
    }

    /**
     * @param draining whether the node is marked draining (its VIPs move away)
     * @param witness  a quorum-only member that never owns a VIP
     */
    public record Member(String name, String address, boolean witness, boolean draining, boolean self) {
    }

    /**
     * One row of the VIP table.
     *
     * @param state       SERVING, RELEASING, ACQUIRING or FREE
     * @param phase       what the answering node itself does with the VIP: watching, claiming, serving, ...
     * @param sinceChange seconds since the answering node saw the row change (a renewal is a change)
     * @param connections client connections recorded for the VIP (ip:port)
     */
    public record Vip(String vip, String owner, long epoch, String state, String target, long renewal,
                      String phase, double sinceChange, List<String> connections) {
        public Vip {
            connections = List.copyOf(connections);
        }
    }
}
