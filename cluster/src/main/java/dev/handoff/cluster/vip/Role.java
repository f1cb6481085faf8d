package dev.handoff.cluster.vip;

import java.time.Instant;

/**
 * What this node is doing with one VIP; a VIP with no role is only watched. Every role but {@link Claiming}
 * holds a lease running from {@code leaseFrom}, the send time of the last write known to be applied.
 */
sealed interface Role {

    /** A claim (takeover of a FREE or expired row, or acceptance of a handoff) is in flight. */
    record Claiming(Write write, boolean afterCrash) implements Role {
    }

    /** Serving; {@code pending} is a renewal or the RELEASING write of a move to {@code moveTo}, or null. */
    record Serving(long epoch, Instant leaseFrom, Write pending, NodeId moveTo) implements Role {
        Serving withPending(Write w) {
            return new Serving(epoch, leaseFrom, w, moveTo);
        }
    }

    /** RELEASING is stored and stage 1 runs on the edge; no more renewals, so the lease bounds the drain. */
    record Draining(long epoch, Instant leaseFrom, NodeId target) implements Role {
    }

    /** Drained and the address is off; the row naming {@code target} with the next epoch is being written. */
    record HandingOff(long epoch, Instant leaseFrom, NodeId target, Write pending) implements Role {
    }
}
