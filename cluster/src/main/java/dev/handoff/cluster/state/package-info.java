/**
 * Shared state in Hazelcast behind the SPIs of the protocol modules: the duplicate reply cache
 * ({@link dev.handoff.rpc.cache.ReplyCache}, RFC 1813 §4.4) and the NLM lock table
 * ({@link dev.handoff.nlm.state.LockStore}, XNFS §10), so that both follow a moving address and outlive a member.
 * Values are written by the serializers of {@link dev.handoff.cluster.state.StateSerialization} in a canonical
 * form, because Hazelcast compares keys and compare-and-set values by their bytes; every member must apply
 * {@link dev.handoff.cluster.state.SharedStateConfig} (serializers and map configurations). The classes are
 * thread-safe; RPC worker threads call them and block on the cluster for one or two round trips.
 */
package dev.handoff.cluster.state;
