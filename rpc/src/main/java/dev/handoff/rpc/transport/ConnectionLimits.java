package dev.handoff.rpc.transport;

/**
 * How many TCP connections the server keeps at once, in all and from one client address. A connection past
 * either is reset as it arrives: each holds buffers and an in-flight allowance, so a client opening connections
 * without end (hostile, or broken) must not exhaust the server for everyone else.
 */
public record ConnectionLimits(int total, int perClient) {
    /** Far above what NFS clients use (the Linux client opens one per server address, plus lockd and statd). */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(8192, 256);

    public ConnectionLimits {
        if (total < 1 || perClient < 1 || perClient > total) {
            throw new IllegalArgumentException("connection limits must be positive, per client at most the total: "
                    + total + " / " + perClient);
        }
    }
}
