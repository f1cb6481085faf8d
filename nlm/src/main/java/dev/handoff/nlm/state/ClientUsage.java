package dev.handoff.nlm.state;

/** What one client holds across all files: the numbers the per-client limits are checked against. */
public record ClientUsage(int locks, int shares, int waits) {
    public static final ClientUsage NONE = new ClientUsage(0, 0, 0);

    public ClientUsage plus(ClientUsage other) {
        return new ClientUsage(locks + other.locks, shares + other.shares, waits + other.waits);
    }

    public ClientUsage minus(ClientUsage other) {
        return new ClientUsage(locks - other.locks, shares - other.shares, waits - other.waits);
    }

    /** Locks and shares: the holdings {@link LockConfig#maxLocksPerClient()} bounds. */
    public int holdings() {
        return locks + shares;
    }

    public boolean isEmpty() {
        return locks == 0 && shares == 0 && waits == 0;
    }
}
