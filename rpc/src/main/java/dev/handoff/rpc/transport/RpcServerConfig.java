package dev.handoff.rpc.transport;

import java.util.List;

/**
 * How an {@link RpcServer} listens and how much it lets one peer hold.
 *
 * @param ports                    every port served on each address, on TCP and UDP; 0 picks a free port
 * @param maxRecordSize            largest call record accepted (a 1 MiB WRITE plus headers fits the default)
 * @param maxInFlightPerConnection calls of one connection being executed at once; past it the connection is
 *                                 not read until one finishes (back-pressure through TCP, not memory)
 * @param workerThreads            platform threads that run handlers (they block on file I/O and switch fsuid)
 * @param ioThreads                Netty event-loop threads
 * @param inlineCalls              whether a call to a procedure marked
 *                                 {@link dev.handoff.rpc.dispatch.Execution#INLINE} may run on the event loop that
 *                                 read it while its connection has nothing else in flight (see
 *                                 {@link InlineCallGuard}); off, every call goes to a worker
 */
public record RpcServerConfig(List<Integer> ports, int maxRecordSize, int maxInFlightPerConnection,
                              int workerThreads, int ioThreads, boolean inlineCalls) {
    public static final int DEFAULT_MAX_RECORD = 2 * 1024 * 1024;
    /** A UDP datagram cannot be larger. */
    static final int MAX_DATAGRAM = 65_535;

    public RpcServerConfig {
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no ports to listen on");
        }
        for (int p : ports) {
            if (p < 0 || p > 65_535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
        }
        if (maxRecordSize < 1024 || maxInFlightPerConnection < 1 || workerThreads < 1 || ioThreads < 1) {
            throw new IllegalArgumentException("limits must be positive (record size at least 1024)");
        }
    }

    public static RpcServerConfig of(List<Integer> ports) {
        return new RpcServerConfig(ports, DEFAULT_MAX_RECORD, 64, 32, 2, true);
    }

    public RpcServerConfig withMaxInFlightPerConnection(int n) {
        return new RpcServerConfig(ports, maxRecordSize, n, workerThreads, ioThreads, inlineCalls);
    }

    public RpcServerConfig withMaxRecordSize(int n) {
        return new RpcServerConfig(ports, n, maxInFlightPerConnection, workerThreads, ioThreads, inlineCalls);
    }

    public RpcServerConfig withWorkerThreads(int n) {
        return new RpcServerConfig(ports, maxRecordSize, maxInFlightPerConnection, n, ioThreads, inlineCalls);
    }

    public RpcServerConfig withInlineCalls(boolean on) {
        return new RpcServerConfig(ports, maxRecordSize, maxInFlightPerConnection, workerThreads, ioThreads, on);
    }
}
