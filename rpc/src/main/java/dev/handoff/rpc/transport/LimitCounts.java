package dev.handoff.rpc.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often the RPC server met each of its per-peer limits: a connection reset for the total or the per-client
 * connection limit, a connection (or UDP socket) that stopped being read because it had its bound of calls in
 * flight, and a record over the size limit. Bumped on event loops, read by the metrics exporter.
 *
 * <p>A count that keeps rising says either that a client misbehaves or that a limit is too small for the load;
 * the connection and in-flight gauges beside it tell which.
 */
public final class LimitCounts {
    private final LongAdder connections = new LongAdder();
    private final LongAdder connectionsPerClient = new LongAdder();
    private final LongAdder inFlightPerConnection = new LongAdder();
    private final LongAdder recordSize = new LongAdder();

    /** Connections reset because the server had {@link ConnectionLimits#total()} open. */
    public long connections() {
        return connections.sum();
    }

    /** Connections reset because their client address had {@link ConnectionLimits#perClient()} open. */
    public long connectionsPerClient() {
        return connectionsPerClient.sum();
    }

    /** Times a channel stopped being read with {@link RpcServerConfig#maxInFlightPerConnection()} calls running. */
    public long inFlightPerConnection() {
        return inFlightPerConnection.sum();
    }

    /** Records over {@link RpcServerConfig#maxRecordSize()}: the TCP connection is closed, a datagram dropped. */
    public long recordSize() {
        return recordSize.sum();
    }

    void connectionRefused(boolean total) {
        (total ? connections : connectionsPerClient).increment();
    }

    void inFlightReached() {
        inFlightPerConnection.increment();
    }

    void recordTooLarge() {
        recordSize.increment();
    }
}
