/**
 * Failover of a three-node Handoff cluster under the real Linux kernel client (it-tests/kernel-client, three
 * server namespaces, guests mounting the VIP the servers place themselves): planned moves, a killed owner and a
 * partitioned owner under continuous I/O ({@link dev.handoff.it.cluster.ClusterFailoverIT}), and a write lock
 * that survives both a move and a kill and is then granted to a waiter by callback
 * ({@link dev.handoff.it.cluster.ClusterLocksIT}). The host side is the kit's host/cluster-*.sh; these tests
 * assert on the EVENT lines those scripts write. Design brief §5 (fencing), §3 (teardown order).
 */
package dev.handoff.it.cluster;
