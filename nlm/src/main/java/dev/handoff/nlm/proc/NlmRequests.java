package dev.handoff.nlm.proc;

import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockStatus;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.ShareAccess;
import dev.handoff.nlm.state.ShareDeny;
import dev.handoff.nlm.state.ShareOwner;
import dev.handoff.nlm.state.ShareReservation;
import dev.handoff.nlm.xdr.NlmHolder;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.NlmShare;
import dev.handoff.nlm.xdr.NlmStatus;

/**
 * Translations between the NLM wire records and the lock manager's model (XNFS §10): the owner of a lock is
 * ({@code caller_name}, {@code svid}, {@code oh}); {@code l_len} 0 runs to the end of the file.
 */
final class NlmRequests {
    private NlmRequests() {
    }

    static RangeLock lock(NlmLock lock, boolean exclusive) {
        return new RangeLock(owner(lock), LockType.of(exclusive), LockRange.of(lock.offset(), lock.length()));
    }

    static LockOwner owner(NlmLock lock) {
        return new LockOwner(lock.callerName(), lock.svid(), lock.oh());
    }

    static LockRange range(NlmLock lock) {
        return LockRange.of(lock.offset(), lock.length());
    }

    static ShareReservation share(NlmShare share) {
        return new ShareReservation(shareOwner(share), ShareAccess.fromWire(share.access().value()),
                ShareDeny.fromWire(share.mode().value()));
    }

    static ShareOwner shareOwner(NlmShare share) {
        return new ShareOwner(share.callerName(), share.oh());
    }

    static NlmHolder holder(RangeLock held) {
        return new NlmHolder(held.type().exclusive(), held.owner().svid(), held.owner().oh(), held.range().offset(),
                held.range().length());
    }

    /** The statuses share names and v4 numbers; v1/v3 narrowing happens in the codec ({@code NlmWire#onWire}). */
    static NlmStatus status(LockStatus status) {
        return switch (status) {
            case GRANTED -> NlmStatus.GRANTED;
            case DENIED -> NlmStatus.DENIED;
            case DENIED_NOLOCKS -> NlmStatus.DENIED_NOLOCKS;
            case BLOCKED -> NlmStatus.BLOCKED;
            case DENIED_GRACE_PERIOD -> NlmStatus.DENIED_GRACE_PERIOD;
            case DEADLCK -> NlmStatus.DEADLCK;
        };
    }
}
