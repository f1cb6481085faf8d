package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;

/** What the lock manager asks its edge to do; the manager itself sends nothing and starts nothing. */
public sealed interface Effect {

    /**
     * A queued waiter now holds its lock: send it NLM_GRANTED (or GRANTED_MSG) carrying {@code cookie}, to
     * {@code replyTo}, then report {@link LockInput.GrantConfirmed} or {@link LockInput.GrantFailed}.
     */
    record GrantLock(FileKey file, RangeLock lock, Opaque cookie, Opaque replyTo) implements Effect {
    }

    /**
     * A client has state here for the first time: ask NSM to monitor it (SM_MON), so that its reboot notice
     * reaches us and so that a restart knows to wait for its reclaims. Repeats are harmless.
     */
    record MonitorClient(String callerName) implements Effect {
    }

    /** The grace period is over: new locks may be granted ({@code early} when every expected client was done). */
    record GraceEnded(Instant at, boolean early) implements Effect {
    }
}
