package dev.handoff.nlm.state;

/**
 * How much the lock table holds, for gauges (XNFS §10): files with a record, byte-range locks held (granted
 * waiters included), share reservations, blocked requests waiting, and granted waiters whose GRANTED callback
 * is not yet answered. A count the store cannot give cheaply is {@link #UNKNOWN}.
 */
public record LockTally(long files, long locks, long shares, long waiters, long pendingGrants) {
    /** A count the store does not keep; exported as NaN rather than a made-up zero. */
    public static final long UNKNOWN = -1;

    public static final LockTally EMPTY = new LockTally(0, 0, 0, 0, 0);

    /** Only the number of files is known. */
    public static LockTally filesOnly(long files) {
        return new LockTally(files, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
    }

    /** What one record adds to the table's counts. */
    public static LockTally of(FileLocks f) {
        return f.isEmpty() ? EMPTY
                : new LockTally(1, f.locks().size(), f.shares().size(), f.waiters().size(), f.grants().size());
    }

    public LockTally plus(LockTally o) {
        return new LockTally(files + o.files, locks + o.locks, shares + o.shares, waiters + o.waiters,
                pendingGrants + o.pendingGrants);
    }

    public LockTally minus(LockTally o) {
        return new LockTally(files - o.files, locks - o.locks, shares - o.shares, waiters - o.waiters,
                pendingGrants - o.pendingGrants);
    }
}
