/**
 * Cluster membership (DESIGN.md §5; the failover issue's item 1): an embedded open-source Hazelcast member per
 * node, joined through a static TCP/IP member list or the Kubernetes headless-Service DNS lookup, with failure
 * detection tuned to seconds and split-brain protection (quorum = majority of the configured cluster size) on
 * every shared map named {@code handoff.*}.
 *
 * <p>{@link dev.handoff.cluster.membership.ClusterConfig} says what to start;
 * {@link dev.handoff.cluster.membership.HazelcastConfigs} turns it into a Hazelcast {@code Config} (no XML, no
 * multicast, no auto-detection, no phone-home, no ICMP); {@link dev.handoff.cluster.membership.ClusterNode} runs
 * the member and hands {@link dev.handoff.cluster.vip.VipInput}s (members alive, quorum lost or regained) to the
 * VIP machine through {@link dev.handoff.cluster.membership.MembershipTranslator}, which is pure.
 *
 * <p>Threads: Hazelcast's event threads call the translator; it serialises and deduplicates, and the sink it
 * feeds must only enqueue (the VIP machine runs on its own event loop).
 */
package dev.handoff.cluster.membership;
