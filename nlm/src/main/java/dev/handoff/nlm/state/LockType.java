package dev.handoff.nlm.state;

/** The two kinds of POSIX lock (NLM {@code exclusive} flag): many readers, or one writer. */
public enum LockType {
    SHARED,
    EXCLUSIVE;

    public static LockType of(boolean exclusive) {
        return exclusive ? EXCLUSIVE : SHARED;
    }

    /** Only two shared locks can overlap; ownership is checked by the caller. */
    public boolean conflictsWith(LockType other) {
        return this == EXCLUSIVE || other == EXCLUSIVE;
    }

    public boolean exclusive() {
        return this == EXCLUSIVE;
    }
}
