package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The byte-range procedures on one file's record (XNFS §10: NLM_LOCK, NLM_TEST, NLM_UNLOCK, NLM_CANCEL, and the
 * answers to NLM_GRANTED). Pure: record in, {@link Step} out. Grace has been dealt with by the caller.
 */
final class LockRequests {
    private LockRequests() {
    }

    static Step lock(FileLocks file, LockInput.Lock in, ClientUsage usage, LockConfig config) {
        RangeLock wanted = in.lock();
        List<Waiter> queue = file.waiters();
        // A retransmitted blocking LOCK (the Linux client re-sends one every 30 s) is the queued request itself:
        // it keeps its place and its time.
        int queued = indexOf(queue, wanted);
        List<Waiter> earlier = queued < 0 ? queue : queue.subList(0, queued);
        Instant since = queued < 0 ? in.now() : queue.get(queued).queuedAt();
        boolean conflict = PosixLocks.conflict(file.locks(), wanted).isPresent();
        boolean yield = !conflict && in.block()
                && WaitQueue.yields(wanted, since, earlier, file.locks(), config.fairnessWindow(), in.now());
        if (conflict || yield) {
            if (!in.block()) {
                return Step.same(file, LockStatus.DENIED, Transition.LOCK_DENIED);
            }
            if (queued >= 0) {
                return Step.same(file, LockStatus.BLOCKED, Transition.LOCK_BLOCKED);
            }
            if (conflict && Deadlocks.wouldDeadlock(file.locks(), queue, wanted)) {
                return Step.same(file, LockStatus.DEADLCK, Transition.LOCK_DEADLOCK);
            }
            if (usage.waits() >= config.maxWaitsPerClient()) {
                return Step.same(file, LockStatus.DENIED_NOLOCKS, Transition.LOCK_NO_WAITS);
            }
            List<Waiter> longer = new ArrayList<>(queue);
            longer.add(new Waiter(wanted, in.cookie(), in.replyTo(), in.now()));
            return settle(file.withWaiters(longer), LockStatus.BLOCKED, Transition.LOCK_BLOCKED, config, in.now());
        }
        List<RangeLock> locks = PosixLocks.apply(file.locks(), wanted);
        int added = PosixLocks.count(locks, wanted.client()) - PosixLocks.count(file.locks(), wanted.client());
        if (added > 0 && usage.holdings() + added > config.maxLocksPerClient()) {
            return Step.same(file, LockStatus.DENIED_NOLOCKS, Transition.LOCK_NO_LOCKS);
        }
        List<Waiter> rest = new ArrayList<>(queue);
        if (queued >= 0) {
            rest.remove(queued);
        }
        // The client has the lock from this reply; a GRANTED still out for it must not be able to release it.
        List<PendingGrant> grants = file.grants().stream().filter(g -> !g.lock().equals(wanted)).toList();
        FileLocks next = file.withLocks(locks).withWaiters(rest).withGrants(grants);
        return settle(next, LockStatus.GRANTED, in.reclaim() ? Transition.LOCK_RECLAIMED : Transition.LOCK_GRANTED,
                config, in.now());
    }

    /**
     * A reclaim after grace. lockd refuses every one, since the lock may have been taken and released by others in
     * between; but when the table survived (it is shared by the cluster, and a client reclaims after a notice
     * anyway) the owner still holds exactly that lock, and refusing would make the client drop a lock it has.
     */
    static Step reassert(FileLocks file, RangeLock wanted) {
        return PosixLocks.holds(file.locks(), wanted)
                ? Step.same(file, LockStatus.GRANTED, Transition.LOCK_REASSERTED)
                : Step.same(file, LockStatus.DENIED_GRACE_PERIOD, Transition.LOCK_DENIED_LATE_RECLAIM);
    }

    static Step test(FileLocks file, RangeLock wanted) {
        Optional<RangeLock> holder = PosixLocks.conflict(file.locks(), wanted);
        return holder.isEmpty()
                ? Step.same(file, LockStatus.GRANTED, Transition.TEST_GRANTED)
                : new Step(file, LockStatus.DENIED, holder, List.of(), Transition.TEST_DENIED);
    }

    /** lockd's UNLOCK first cancels the owner's block on exactly that range (any type), then unlocks. */
    static Step unlock(FileLocks file, LockInput.Unlock in, LockConfig config) {
        List<RangeLock> locks = PosixLocks.release(file.locks(), in.owner(), in.range());
        List<Waiter> queue = file.waiters().stream()
                .filter(w -> !(w.lock().owner().equals(in.owner()) && w.lock().range().equals(in.range())))
                .toList();
        List<PendingGrant> grants = file.grants().stream()
                .filter(g -> !(g.lock().owner().equals(in.owner()) && in.range().contains(g.lock().range())))
                .toList();
        FileLocks next = file.withLocks(locks).withWaiters(queue).withGrants(grants);
        return settle(next, LockStatus.GRANTED, Transition.UNLOCK, config, in.now());
    }

    /**
     * Removes a queued request. A request already granted, whose GRANTED is out, is left alone and answered DENIED,
     * as lockd does: a late or retransmitted CANCEL must not take away a lock the client may already have accepted;
     * a client that did not want it refuses the GRANTED, which releases it. Nothing to cancel: GRANTED (lockd).
     */
    static Step cancel(FileLocks file, LockInput.Cancel in, LockConfig config) {
        int queued = indexOf(file.waiters(), in.lock());
        if (queued >= 0) {
            List<Waiter> rest = new ArrayList<>(file.waiters());
            rest.remove(queued);
            return settle(file.withWaiters(rest), LockStatus.GRANTED, Transition.CANCEL_REMOVED, config, in.now());
        }
        if (file.grants().stream().anyMatch(g -> g.lock().equals(in.lock()))) {
            return Step.same(file, LockStatus.DENIED, Transition.CANCEL_TOO_LATE);
        }
        return Step.same(file, LockStatus.GRANTED, Transition.CANCEL_UNKNOWN);
    }

    static Step grantConfirmed(FileLocks file, Opaque cookie) {
        List<PendingGrant> rest = file.grants().stream().filter(g -> !g.waiter().cookie().equals(cookie)).toList();
        return Step.same(file.withGrants(rest), LockStatus.GRANTED,
                rest.size() < file.grants().size() ? Transition.GRANT_CONFIRMED : Transition.GRANT_UNKNOWN);
    }

    /**
     * Releases the range that was granted, as lockd's F_UNLCK over the block's range does: all of it, so a lock
     * the owner held inside that range before (the shared lock of a refused upgrade) goes as well.
     */
    static Step grantFailed(FileLocks file, Opaque cookie, LockConfig config, Instant now) {
        Optional<PendingGrant> grant = file.grants().stream().filter(g -> g.waiter().cookie().equals(cookie))
                .findFirst();
        if (grant.isEmpty()) {
            return Step.same(file, LockStatus.GRANTED, Transition.GRANT_UNKNOWN);
        }
        RangeLock lock = grant.get().lock();
        List<PendingGrant> rest = new ArrayList<>(file.grants());
        rest.remove(grant.get());
        FileLocks next = file.withLocks(PosixLocks.release(file.locks(), lock.owner(), lock.range())).withGrants(rest);
        return settle(next, LockStatus.GRANTED, Transition.GRANT_FAILED, config, now);
    }

    static Step settle(FileLocks file, LockStatus status, Transition transition, LockConfig config, Instant now) {
        return WaitQueue.settle(file, status, transition, config.fairnessWindow(), now);
    }

    private static int indexOf(List<Waiter> queue, RangeLock lock) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).lock().equals(lock)) {
                return i;
            }
        }
        return -1;
    }
}
