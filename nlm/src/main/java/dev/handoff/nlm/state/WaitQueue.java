package dev.handoff.nlm.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blocked-lock queue of one file, and who in it is granted when.
 *
 * <p>The failure it prevents: lockd keeps every blocked request of every file on one global list and, on each
 * release, retries the lot; POSIX itself grants whatever conflicts with no held lock, so a writer waiting for a
 * range that readers keep re-locking in turn can wait forever. Here each file's waiters sit in its own record in
 * arrival order and are re-examined after every change to that file, and a blocked request yields to the earlier
 * waiter it would overtake, but only within bounds:
 *
 * <p><b>Fairness rule.</b> A blocking request (new or queued) that conflicts with no held lock is still made to wait
 * when all of these hold: (1) it conflicts with an earlier waiter of another owner; (2) that waiter is a <em>head
 * waiter</em>: a held lock blocks it, rather than only other waiters; (3) the request's owner holds none of the locks
 * that block it (yielding to a waiter that waits for us would deadlock, e.g. an upgrade from shared to exclusive);
 * (4) the request has waited less than the fairness window. So a waiter that is itself only blocked behind another
 * waiter never holds anyone back, chains of yielding are one link long, and no request yields for longer than the
 * window: even a cycle that yielding closes across files (which no per-file view can see) breaks when it ends.
 * Non-blocking requests never yield; they do not wait, so they cannot starve anyone for long, and TEST and LOCK
 * keep agreeing.
 *
 * <pre>
 *   LOCK(block) --no conflict, no yield--> HELD
 *        |--conflict or yield--> QUEUED --grantable: settle() on any change or wakeAt--> GRANTED_PENDING
 *                                  |--CANCEL, UNLOCK of that range, FREE_ALL, file gone--> (gone)
 *   GRANTED_PENDING --GrantConfirmed, or the LOCK retransmitted--> HELD
 *                   --GrantFailed--> (lock released)       CANCEL answers DENIED here and leaves it, as lockd does
 * </pre>
 */
final class WaitQueue {
    private WaitQueue() {
    }

    /**
     * Grants every queued waiter that has become grantable, in arrival order, repeating until none is: a grant can
     * downgrade its owner's own lock and so free an earlier waiter. Sets {@code wakeAt} for waiters yielding.
     */
    static Step settle(FileLocks file, LockStatus status, Transition transition, Duration window, Instant now) {
        List<RangeLock> locks = file.locks();
        List<Waiter> queue = new ArrayList<>(file.waiters());
        List<PendingGrant> grants = new ArrayList<>(file.grants());
        List<Effect> effects = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < queue.size(); i++) {
                Waiter w = queue.get(i);
                if (PosixLocks.conflict(locks, w.lock()).isPresent()
                        || yields(w.lock(), w.queuedAt(), queue.subList(0, i), locks, window, now)) {
                    continue;
                }
                locks = PosixLocks.apply(locks, w.lock());
                queue.remove(i--);
                grants.add(new PendingGrant(w, now));
                effects.add(new Effect.GrantLock(file.file(), w.lock(), w.cookie(), w.replyTo()));
                progress = true;
            }
        }
        Instant wake = FileLocks.NEVER;
        for (Waiter w : queue) {
            // Not granted and not blocked by a held lock: it yields, until its window ends at the latest.
            if (PosixLocks.conflict(locks, w.lock()).isEmpty() && w.queuedAt().plus(window).isBefore(wake)) {
                wake = w.queuedAt().plus(window);
            }
        }
        FileLocks next = file.withLocks(locks).withWaiters(queue).withGrants(grants).withWakeAt(wake);
        return new Step(next, status, Optional.empty(), effects, transition);
    }

    /** The fairness rule above, for a request that conflicts with no held lock. */
    static boolean yields(RangeLock wanted, Instant since, List<Waiter> earlier, List<RangeLock> held,
            Duration window, Instant now) {
        if (!now.isBefore(since.plus(window))) {
            return false;
        }
        for (Waiter e : earlier) {
            if (!e.lock().conflictsWith(wanted)) {
                continue;
            }
            List<LockOwner> blockers = PosixLocks.blockers(held, e.lock());
            if (!blockers.isEmpty() && !blockers.contains(wanted.owner())) {
                return true;
            }
        }
        return false;
    }
}
