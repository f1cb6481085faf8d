/**
 * VIP ownership and fencing (DESIGN.md §1 and §5; the failover issue's "VIP table and fencing" and "planned
 * handoff"), as a pure machine: {@link dev.handoff.cluster.vip.VipOwnership} maps
 * {@link dev.handoff.cluster.vip.VipInput}s and the node's monotonic time to
 * {@link dev.handoff.cluster.vip.VipEffect}s and counts each transition as a
 * {@link dev.handoff.cluster.vip.VipEvent}. The shared table of {@link dev.handoff.cluster.vip.VipRecord}s is
 * read through inputs and written through compare-and-set effects; Hazelcast, the address manager, the drain
 * of the RPC listeners and the tickle sender are edges outside this package.
 *
 * <p>Threads: one machine per node, confined to one thread (the edge's event loop); records are immutable.
 */
package dev.handoff.cluster.vip;
