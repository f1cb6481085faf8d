package dev.handoff.nlm.state;

import java.util.Objects;

/** One byte-range lock, held or wanted: owner, type and range. */
public record RangeLock(LockOwner owner, LockType type, LockRange range) {
    public RangeLock {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
    }

    /**
     * POSIX conflict: another owner, overlapping bytes, and at least one side exclusive. Adjacent ranges never
     * conflict; an owner never conflicts with itself.
     */
    public boolean conflictsWith(RangeLock other) {
        return !owner.equals(other.owner) && range.overlaps(other.range) && type.conflictsWith(other.type);
    }

    public String client() {
        return owner.callerName();
    }

    @Override
    public String toString() {
        return owner + " " + (type.exclusive() ? "x" : "s") + " " + range;
    }
}
