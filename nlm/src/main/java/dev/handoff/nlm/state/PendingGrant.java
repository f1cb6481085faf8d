package dev.handoff.nlm.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A waiter that has been granted: its lock is held (it conflicts with others like any held lock), and the GRANTED
 * callback is out. It stays here until the client accepts (GrantConfirmed), refuses or cannot be reached
 * (GrantFailed, which releases the lock), or takes the lock through a retransmitted LOCK.
 */
public record PendingGrant(Waiter waiter, Instant grantedAt) {
    public PendingGrant {
        Objects.requireNonNull(waiter, "waiter");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    public RangeLock lock() {
        return waiter.lock();
    }

    public String client() {
        return waiter.client();
    }
}
