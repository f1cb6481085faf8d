/**
 * The duplicate reply cache (DRC). RFC 5531 §8 leaves retransmission to the client, so a server must keep
 * the replies of non-idempotent calls (RFC 1813 §4.4; knfsd's RC_REPLBUFF procedures) and replay them, and
 * must drop a retransmission that arrives while the first copy still runs. {@link
 * dev.handoff.rpc.cache.ReplyCache} is the SPI the dispatcher calls from worker threads;
 * {@link dev.handoff.rpc.cache.LocalReplyCache} is the bounded in-memory implementation for one node (the
 * cluster module shares entries between nodes so that they follow a moving address). Implementations are
 * thread-safe.
 */
package dev.handoff.rpc.cache;
