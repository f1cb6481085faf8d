package dev.handoff.server;

import dev.handoff.nlm.callback.CallbackPolicy;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.transport.ConnectionLimits;
import dev.handoff.rpc.transport.RpcServerConfig;

/**
 * Every bound on what clients can make the server hold, from {@code handoff serve}'s options. Each exists because
 * one client (hostile, broken, or merely gone) could otherwise take memory or threads from all the others; each is
 * counted when reached ({@code handoff_limit_reached_events_total}) and listed in docs/deploy.md, "Limits".
 *
 * @param connections              TCP connections in all and per client address; more are reset
 * @param maxInFlightPerConnection calls of one connection running at once; past it the connection is not read
 * @param maxRecordSize            largest RPC record; a larger one closes its connection
 * @param replyCacheMaxEntries     replies the duplicate reply cache keeps (single server)
 * @param replyCacheMaxBytes       bytes of replies it keeps (single server; per member in a cluster)
 * @param maxLocksPerClient        locks and shares of one NLM client; more answer DENIED_NOLOCKS
 * @param maxWaitsPerClient        blocked LOCK requests of one NLM client; more answer DENIED_NOLOCKS
 * @param maxPendingCallbacks      NLM callbacks (GRANTED, _RES) under way at once; more are dropped
 */
public record ServerLimits(ConnectionLimits connections, int maxInFlightPerConnection, int maxRecordSize,
                           int replyCacheMaxEntries, long replyCacheMaxBytes, int maxLocksPerClient,
                           int maxWaitsPerClient, int maxPendingCallbacks) {
    /** The NFS record: a 1 MiB WRITE (the Linux client's wsize) and its headers fit with room to spare. */
    public static final int DEFAULT_MAX_RECORD = RpcServerConfig.DEFAULT_MAX_RECORD;
    /** Far above what a Linux client sends at once on one connection (its slot table holds 65,536, rarely used). */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    /** Below a 1024-byte record not even a LOOKUP with AUTH_SYS and a long name fits. */
    public static final int MIN_RECORD = 1024;
    public static final ServerLimits DEFAULT = new ServerLimits(ConnectionLimits.DEFAULT, DEFAULT_MAX_IN_FLIGHT,
            DEFAULT_MAX_RECORD, LocalReplyCache.DEFAULT_MAX_ENTRIES, LocalReplyCache.DEFAULT_MAX_BYTES,
            LockConfig.DEFAULT.maxLocksPerClient(), LockConfig.DEFAULT.maxWaitsPerClient(),
            CallbackPolicy.defaults().maxOutstanding());

    public ServerLimits {
        java.util.Objects.requireNonNull(connections, "connections");
        check(maxInFlightPerConnection >= 1, "--max-in-flight-per-connection must be at least 1");
        check(maxRecordSize >= MIN_RECORD, "--max-record-size must be at least " + MIN_RECORD + " bytes");
        check(replyCacheMaxEntries >= 1, "--reply-cache-max-entries must be at least 1");
        check(replyCacheMaxBytes >= 1, "--reply-cache-max-bytes must be at least 1");
        check(maxLocksPerClient >= 1, "--max-locks-per-client must be at least 1");
        check(maxWaitsPerClient >= 0, "--max-waits-per-client must not be negative (0 = no blocking locks)");
        check(maxPendingCallbacks >= 1, "--max-pending-callbacks must be at least 1");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
