/**
 * The ONC RPC client (RFC 5531): outbound calls over TCP with record marking (§11) and over UDP, for NLM
 * callbacks (GRANTED, *_RES), SM_NOTIFY and port mapper lookups (RFC 1833 §3), each from a chosen source
 * address so that the peer sees the VIP it knows.
 *
 * <p>Threads: each client's state (its pending calls, timers and connection) is owned by one event loop of a
 * small shared group; callers hand work to it and never lock. Futures complete on a pool thread, never on the
 * event loop, so a caller may block in its callbacks.
 */
package dev.handoff.rpc.client;
