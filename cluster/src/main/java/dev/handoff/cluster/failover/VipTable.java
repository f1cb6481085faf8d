package dev.handoff.cluster.failover;

import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipRecord;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The shared VIP table (DESIGN.md §5): one row per VIP, replaced only whole and by compare-and-set. */
public interface VipTable {

    /** Every row as stored now. */
    List<VipRecord> rows();

    /** {@code vip}'s row as stored now, if any. Blocks; call it off the controller's thread. */
    java.util.Optional<VipRecord> row(VipId vip);

    /** Adds a FREE row for each VIP that has none (every node does this at start; the first one wins). */
    void seed(Collection<VipId> vips, NodeId anyNode);

    /**
     * Stores {@code next} if and only if the row still equals {@code expected}, through a quorum-protected
     * write. False when the row changed, the cluster lacks quorum or the write failed. Blocks; call it off the
     * controller's thread.
     */
    boolean compareAndSet(VipRecord expected, VipRecord next);

    /** Calls {@code changed} with each row as it is stored, on the table's event threads; returns the stopper. */
    AutoCloseable listen(Consumer<VipRecord> changed);
}
