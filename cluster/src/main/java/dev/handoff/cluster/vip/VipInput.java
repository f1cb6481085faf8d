package dev.handoff.cluster.vip;

import java.util.List;
import java.util.Set;

/**
 * What the edge feeds {@link VipOwnership}, each with the node's monotonic time. Nothing here carries a wall
 * clock: the time of an input is the moment the edge hands it over.
 */
public sealed interface VipInput {

    /** Periodic (well under the margin, e.g. every 500 ms): renew, expire, take over, rebalance. */
    record Tick() implements VipInput {
    }

    /**
     * Rows of the shared table as now stored: after each change the edge hears of, and the whole table on start
     * and periodically (a missed notification must not hide a change for ever). Repeating an unchanged row is
     * harmless: expiry counts from the last change, not the last delivery.
     */
    record TableChanged(List<VipRecord> records) implements VipInput {
        public TableChanged {
            records = List.copyOf(records);
        }
    }

    /**
     * Rows just read from the table, whole: taken as they are even when a notification brought a row with a higher
     * renewal. After a split-brain merge the table can hold an older row than one the losing side wrote and told its
     * listeners of; a view that kept the higher one would expect a row the table no longer has, and every claim
     * would fail for as long as nobody writes the row again.
     */
    record TableRead(List<VipRecord> records) implements VipInput {
        public TableRead {
            records = List.copyOf(records);
        }
    }

    /**
     * The outcome of a {@link VipEffect.WriteRecord}: {@code applied} when the compare-and-set stored
     * {@code written}; false when the row had changed, the cluster lacked quorum, or the write failed. The edge
     * answers every write at most once; a lost answer is covered by the write timeout and by TableChanged.
     */
    record WriteResult(VipRecord written, boolean applied) implements VipInput {
    }

    /** This node's partition lost the majority (split-brain protection): writes will fail. */
    record QuorumLost() implements VipInput {
    }

    record QuorumRegained() implements VipInput {
    }

    /** The members this node currently sees alive, itself included; a peer found dead is one left out. */
    record MembersChanged(Set<NodeId> alive) implements VipInput {
        public MembersChanged {
            alive = Set.copyOf(alive);
        }
    }

    /** The operator asked to move {@code vip} to {@code to}; only the owner acts on it. */
    record MoveRequested(VipId vip, NodeId to) implements VipInput {
    }

    /** {@code node} is draining (before a restart): its VIPs move away and none are placed on it. */
    record DrainNode(NodeId node) implements VipInput {
    }

    record UndrainNode(NodeId node) implements VipInput {
    }

    /** Stage 1 of the handoff, started by {@link VipEffect.StopServing}, finished or ran out of its deadline. */
    record DrainDone(VipId vip) implements VipInput {
    }

    /** The address manager saw {@code vip} appear on ({@code up}) or vanish from this node's interface. */
    record AddressChanged(VipId vip, boolean up) implements VipInput {
    }
}
