package dev.handoff.nlm.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the lock manager knows about one file: the unit the {@link LockStore} loads and saves atomically.
 *
 * @param version bumped on every commit; with whole-record comparison it makes a lost race cheap to detect
 * @param locks held byte-range locks (granted waiters included), ordered by start
 * @param waiters blocked requests in arrival order
 * @param grants granted waiters whose GRANTED callback is not yet answered
 * @param wakeAt when a waiter's fairness window ends and the file must be looked at again even if nothing else
 *     happens to it; {@link #NEVER} when no waiter is waiting for time alone
 */
public record FileLocks(FileKey file, long version, List<RangeLock> locks, List<ShareReservation> shares,
        List<Waiter> waiters, List<PendingGrant> grants, Instant wakeAt) {
    public static final Instant NEVER = Instant.MAX;

    public FileLocks {
        Objects.requireNonNull(file, "file");
        locks = List.copyOf(locks);
        shares = List.copyOf(shares);
        waiters = List.copyOf(waiters);
        grants = List.copyOf(grants);
        Objects.requireNonNull(wakeAt, "wakeAt");
    }

    public static FileLocks empty(FileKey file) {
        return new FileLocks(file, 0, List.of(), List.of(), List.of(), List.of(), NEVER);
    }

    /** Nothing held, queued or pending: the store drops such a record. */
    public boolean isEmpty() {
        return locks.isEmpty() && shares.isEmpty() && waiters.isEmpty() && grants.isEmpty();
    }

    public FileLocks withVersion(long v) {
        return new FileLocks(file, v, locks, shares, waiters, grants, wakeAt);
    }

    public FileLocks withLocks(List<RangeLock> l) {
        return new FileLocks(file, version, l, shares, waiters, grants, wakeAt);
    }

    public FileLocks withShares(List<ShareReservation> s) {
        return new FileLocks(file, version, locks, s, waiters, grants, wakeAt);
    }

    public FileLocks withWaiters(List<Waiter> w) {
        return new FileLocks(file, version, locks, shares, w, grants, wakeAt);
    }

    public FileLocks withGrants(List<PendingGrant> g) {
        return new FileLocks(file, version, locks, shares, waiters, g, wakeAt);
    }

    public FileLocks withWakeAt(Instant at) {
        return new FileLocks(file, version, locks, shares, waiters, grants, at);
    }

    /** Per-client counts in this record; the store sums them into its client index. */
    public Map<String, ClientUsage> usageByClient() {
        Map<String, ClientUsage> usage = new HashMap<>();
        count(usage, locks, RangeLock::client, new ClientUsage(1, 0, 0));
        count(usage, shares, ShareReservation::client, new ClientUsage(0, 1, 0));
        count(usage, waiters, Waiter::client, new ClientUsage(0, 0, 1));
        // A pending grant's lock is already among the locks; it adds nothing to count, only a reason to be indexed.
        count(usage, grants, PendingGrant::client, ClientUsage.NONE);
        return usage;
    }

    public ClientUsage usageOf(String client) {
        return usageByClient().getOrDefault(client, ClientUsage.NONE);
    }

    private static <T> void count(Map<String, ClientUsage> usage, List<T> items, Function<T, String> client,
            ClientUsage one) {
        for (T item : items) {
            usage.merge(client.apply(item), one, ClientUsage::plus);
        }
    }
}
