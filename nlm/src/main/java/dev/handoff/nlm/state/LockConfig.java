package dev.handoff.nlm.state;

import java.time.Duration;

/**
 * Tunables of the lock manager.
 *
 * @param gracePeriod how long only reclaims are granted after the lock table was lost (lockd's default, 90 s)
 * @param maxLocksPerClient byte-range locks plus share reservations one client may hold over all files; beyond it
 *     LOCK and SHARE answer DENIED_NOLOCKS
 * @param maxWaitsPerClient blocked requests one client may have queued; beyond it a LOCK that would block answers
 *     DENIED_NOLOCKS
 * @param fairnessWindow how long a blocked request yields to an earlier waiter it would overtake (see
 *     {@link WaitQueue}); zero turns fairness off, leaving plain POSIX order
 */
public record LockConfig(Duration gracePeriod, int maxLocksPerClient, int maxWaitsPerClient, Duration fairnessWindow) {
    public static final LockConfig DEFAULT = new LockConfig(Duration.ofSeconds(90), 4096, 128, Duration.ofSeconds(10));

    public LockConfig {
        if (gracePeriod.isNegative() || fairnessWindow.isNegative()) {
            throw new IllegalArgumentException("negative duration");
        }
        if (maxLocksPerClient <= 0 || maxWaitsPerClient < 0) {
            throw new IllegalArgumentException("maxLocksPerClient must be positive, maxWaitsPerClient not negative");
        }
    }
}
