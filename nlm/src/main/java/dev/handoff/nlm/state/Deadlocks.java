package dev.handoff.nlm.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deadlock detection for a blocking LOCK (NLM4_DEADLCK; POSIX EDEADLK), within one file. The wait-for graph links
 * each queued waiter's owner to the owners of the held locks in its way; a request that would wait for someone who
 * (through that graph) waits for the requester is refused instead of queued.
 *
 * <p>Cycles through several files are not seen: the manager works on one file's record at a time. Fairness yields
 * are not edges either; they end by themselves (see {@link WaitQueue}).
 */
final class Deadlocks {
    private Deadlocks() {
    }

    static boolean wouldDeadlock(List<RangeLock> held, List<Waiter> waiters, RangeLock wanted) {
        Deque<LockOwner> todo = new ArrayDeque<>(PosixLocks.blockers(held, wanted));
        Set<LockOwner> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            LockOwner owner = todo.pop();
            if (owner.equals(wanted.owner())) {
                return true;
            }
            if (!seen.add(owner)) {
                continue;
            }
            for (Waiter w : waiters) {
                if (w.lock().owner().equals(owner)) {
                    todo.addAll(PosixLocks.blockers(held, w.lock()));
                }
            }
        }
        return false;
    }
}
