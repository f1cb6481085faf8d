package dev.handoff.nlm.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * POSIX byte-range semantics over one file's held locks, as fcntl(F_SETLK) defines them (POSIX.1 fcntl; fs/locks.c
 * posix_lock_inode as the reference behaviour). Pure functions over immutable lists.
 *
 * <p>Invariant kept for every owner: its locks are disjoint, and two of the same type never touch (they would have
 * been merged). A new lock by an owner therefore (1) merges with every own lock of the same type it touches,
 * (2) cuts out of every own lock of the other type the bytes it covers (upgrade, downgrade, or a split into two),
 * and (3) leaves other owners' locks alone; the caller has checked it does not conflict with them.
 */
final class PosixLocks {
    /** By start, then end, unsigned; equal ranges keep their order, so results are deterministic. */
    static final Comparator<RangeLock> ORDER = Comparator
            .comparing((RangeLock l) -> l.range().start(), Long::compareUnsigned)
            .thenComparing(l -> l.range().end(), Long::compareUnsigned);

    private PosixLocks() {
    }

    /** The first held lock (lowest offset) that conflicts with {@code wanted}: what TEST reports. */
    static Optional<RangeLock> conflict(List<RangeLock> held, RangeLock wanted) {
        return held.stream().filter(wanted::conflictsWith).findFirst();
    }

    /** Everyone whose held locks stand in {@code wanted}'s way. */
    static List<LockOwner> blockers(List<RangeLock> held, RangeLock wanted) {
        return held.stream().filter(wanted::conflictsWith).map(RangeLock::owner).distinct().toList();
    }

    /** {@code held} after {@code wanted} is granted to its owner. */
    static List<RangeLock> apply(List<RangeLock> held, RangeLock wanted) {
        List<RangeLock> next = new ArrayList<>(held.size() + 2);
        LockRange merged = wanted.range();
        for (RangeLock l : held) {
            if (!l.owner().equals(wanted.owner())) {
                next.add(l);
            } else if (l.type() == wanted.type() && l.range().touches(wanted.range())) {
                // Touching the request's own range is enough: own same-type locks never touch each other, so
                // nothing can touch the merged range without touching the request.
                merged = merged.span(l.range());
            } else {
                // Another type: only the request's bytes change hands; an own lock can't overlap a merged one.
                for (LockRange piece : l.range().minus(wanted.range())) {
                    next.add(new RangeLock(l.owner(), l.type(), piece));
                }
            }
        }
        next.add(new RangeLock(wanted.owner(), wanted.type(), merged));
        next.sort(ORDER);
        return List.copyOf(next);
    }

    /** {@code held} after {@code owner} unlocks {@code range}: any sub-range may be unlocked, splitting a lock. */
    static List<RangeLock> release(List<RangeLock> held, LockOwner owner, LockRange range) {
        List<RangeLock> next = new ArrayList<>(held.size() + 1);
        for (RangeLock l : held) {
            if (!l.owner().equals(owner)) {
                next.add(l);
            } else {
                for (LockRange piece : l.range().minus(range)) {
                    next.add(new RangeLock(l.owner(), l.type(), piece));
                }
            }
        }
        if (next.equals(held)) {
            return held;
        }
        // The right-hand piece of a split can start after locks that followed the original.
        next.sort(ORDER);
        return List.copyOf(next);
    }

    static List<RangeLock> releaseIf(List<RangeLock> held, Predicate<RangeLock> gone) {
        return held.stream().filter(gone.negate()).toList();
    }

    /** Whether the owner already holds the whole range with that type: granting it again changes nothing. */
    static boolean holds(List<RangeLock> held, RangeLock wanted) {
        // Own same-type locks never touch, so a covered range lies inside a single one of them.
        return held.stream().anyMatch(l -> l.owner().equals(wanted.owner()) && l.type() == wanted.type()
                && l.range().contains(wanted.range()));
    }

    static int count(List<RangeLock> held, String client) {
        return (int) held.stream().filter(l -> l.client().equals(client)).count();
    }
}
