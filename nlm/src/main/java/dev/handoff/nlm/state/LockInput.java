package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that can happen to the lock manager. Each input carries the time it happened: the manager never reads
 * a clock. The NLM procedures map onto these one to one (XNFS §10; NLM v4 in RFC 1813 appendix II); the _MSG/_RES
 * forms differ only at the edge.
 */
public sealed interface LockInput {
    Instant now();

    /**
     * NLM_LOCK. {@code cookie} is the one GRANTED will carry if the request has to wait (see {@link Waiter}); it
     * may be empty when {@code block} is false.
     */
    record Lock(FileKey file, RangeLock lock, boolean block, boolean reclaim, Opaque cookie, Opaque replyTo,
            Instant now) implements LockInput {
        public Lock {
            Objects.requireNonNull(cookie, "cookie");
            Objects.requireNonNull(replyTo, "replyTo");
            if (block) {
                // Checked here, where the edge builds the input, rather than when a transition queues the wait.
                Waiter.check(cookie, replyTo);
            }
        }
    }

    /** NLM_TEST: would {@code lock} be granted now, and if not, who holds the first conflicting lock. */
    record Test(FileKey file, RangeLock lock, Instant now) implements LockInput {
    }

    /** NLM_UNLOCK of any sub-range; also drops the owner's wait for exactly that range, as lockd does. */
    record Unlock(FileKey file, LockOwner owner, LockRange range, Instant now) implements LockInput {
    }

    /** NLM_CANCEL of a blocked request, matched by owner, type and range. */
    record Cancel(FileKey file, RangeLock lock, Instant now) implements LockInput {
    }

    /** The client accepted the GRANTED callback carrying {@code cookie}. */
    record GrantConfirmed(FileKey file, Opaque cookie, Instant now) implements LockInput {
    }

    /** The client refused the GRANTED callback, or could not be reached at all: release the granted lock. */
    record GrantFailed(FileKey file, Opaque cookie, Instant now) implements LockInput {
    }

    /** NLM_SHARE. */
    record Share(FileKey file, ShareReservation share, boolean reclaim, Instant now) implements LockInput {
    }

    /** NLM_UNSHARE: drops the owner's reservation on the file. */
    record Unshare(FileKey file, ShareOwner owner, Instant now) implements LockInput {
    }

    /** NLM_FREE_ALL: the client says it holds nothing (it sends this after restarting). */
    record FreeAll(String callerName, Instant now) implements LockInput {
    }

    /**
     * NSM reported that the client restarted (SM_NOTIFY relayed by our statd, already mapped to the caller_name we
     * monitor and filtered for repeats of one state number): everything it held is gone.
     */
    record ClientRebooted(String callerName, int state, Instant now) implements LockInput {
    }

    /** The file is gone (its last link removed): drop every lock, share and wait on it. */
    record ReleaseFile(FileKey file, Instant now) implements LockInput {
    }

    /**
     * The lock table was lost (a cold start of the whole cluster): for the grace period only reclaims are granted.
     * {@code expectedClients} are the clients NSM was monitoring, that is, those that may hold locks to reclaim.
     */
    record StartGrace(Set<String> expectedClients, Instant now) implements LockInput {
        public StartGrace {
            expectedClients = Set.copyOf(expectedClients);
        }
    }

    /** Time passes: ends grace when due, and grants waiters whose fairness window ran out. */
    record Tick(Instant now) implements LockInput {
    }
}
