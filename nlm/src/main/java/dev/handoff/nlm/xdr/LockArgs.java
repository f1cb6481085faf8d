package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_lockargs / nlm4_lockargs: the argument of LOCK, LOCK_MSG and NM_LOCK.
 *
 * @param block     wait for a conflicting lock to go (answer BLOCKED, call GRANTED later) rather than refuse
 * @param exclusive a write lock (true) or a read lock
 * @param reclaim   the client is re-establishing a lock it held before the server restarted (grace period)
 * @param state     the client's NSM state number, to tell a restarted client's stale locks from its new ones
 */
public record LockArgs(Opaque cookie, boolean block, boolean exclusive, NlmLock lock, boolean reclaim,
                       int state) {
    public LockArgs {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(lock, "lock");
    }
}
