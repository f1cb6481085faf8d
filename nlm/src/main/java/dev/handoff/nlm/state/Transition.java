package dev.handoff.nlm.state;

import java.util.Locale;

/** Every transition the lock manager makes, each one a counter ({@link #metricName()}, e.g. {@code lock.granted}). */
public enum Transition {
    LOCK_GRANTED,
    LOCK_RECLAIMED,
    /** A reclaim after grace for a lock the owner still holds (the table survived): granted, nothing changes. */
    LOCK_REASSERTED,
    LOCK_BLOCKED,
    LOCK_DENIED,
    LOCK_DENIED_GRACE,
    LOCK_DENIED_LATE_RECLAIM,
    LOCK_NO_LOCKS,
    LOCK_NO_WAITS,
    LOCK_DEADLOCK,
    TEST_GRANTED,
    TEST_DENIED,
    TEST_DENIED_GRACE,
    UNLOCK,
    CANCEL_REMOVED,
    CANCEL_TOO_LATE,
    CANCEL_UNKNOWN,
    WAIT_GRANTED,
    GRANT_CONFIRMED,
    GRANT_FAILED,
    GRANT_UNKNOWN,
    SHARE_GRANTED,
    SHARE_RECLAIMED,
    SHARE_REASSERTED,
    SHARE_DENIED,
    SHARE_DENIED_GRACE,
    SHARE_DENIED_LATE_RECLAIM,
    SHARE_NO_LOCKS,
    UNSHARE,
    CLIENT_FREED,
    CLIENT_REBOOTED,
    FILE_RELEASED,
    FAIRNESS_WAKE,
    GRACE_STARTED,
    GRACE_CLIENT_DONE,
    GRACE_ENDED_EARLY,
    GRACE_ENDED_TIMEOUT,
    /** Another writer changed the file's record between load and commit; the transition was computed again. */
    STORE_CONFLICT;

    public String metricName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
