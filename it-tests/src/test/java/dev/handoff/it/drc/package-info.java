/**
 * The duplicate reply cache across a crash, on the wire: {@link dev.handoff.it.drc.ReplyCacheFailoverIT} builds
 * three cluster nodes and a client in network namespaces on one bridge, and {@link dev.handoff.it.drc.DrcProbe}
 * (run in the client's namespace) speaks MOUNT v3 and NFSv3 (RFC 1813) from a fixed source port, as the Linux
 * client does, so that the cache's key (client address and port, xid; DESIGN.md §3) is the same before and after
 * the VIP moves. The probe and the test talk through JSON lines on the probe's stdin and stdout; the test thread
 * owns everything else. {@link dev.handoff.it.drc.ClusterOperationsIT} drives the same three-node cluster with
 * the operator's CLI: move, status, metrics, drain, exports reload.
 */
package dev.handoff.it.drc;
