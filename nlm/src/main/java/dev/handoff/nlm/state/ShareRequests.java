package dev.handoff.nlm.state;

import java.util.ArrayList;
import java.util.List;

/**
 * NLM_SHARE and NLM_UNSHARE on one file's record (XNFS §10). Reservations meet only other reservations; see
 * {@link ShareReservation} for why byte-range locks are not involved.
 */
final class ShareRequests {
    private ShareRequests() {
    }

    /**
     * Checks the request against every other owner's reservation (lockd stops looking once it meets the owner's
     * own, and so can miss a conflict listed after it), then adds it or replaces the owner's previous one.
     */
    static Step share(FileLocks file, ShareReservation wanted, boolean reclaim, ClientUsage usage,
            LockConfig config) {
        if (file.shares().stream().anyMatch(wanted::conflictsWith)) {
            return Step.same(file, LockStatus.DENIED, Transition.SHARE_DENIED);
        }
        List<ShareReservation> shares = new ArrayList<>(file.shares());
        int mine = indexOf(shares, wanted.owner());
        if (mine >= 0) {
            shares.set(mine, wanted);
        } else if (usage.holdings() + 1 > config.maxLocksPerClient()) {
            return Step.same(file, LockStatus.DENIED_NOLOCKS, Transition.SHARE_NO_LOCKS);
        } else {
            shares.add(wanted);
        }
        return Step.same(file.withShares(shares), LockStatus.GRANTED,
                reclaim ? Transition.SHARE_RECLAIMED : Transition.SHARE_GRANTED);
    }

    /** A reclaim after grace: granted only if the owner still holds exactly this reservation. */
    static Step reassert(FileLocks file, ShareReservation wanted) {
        return file.shares().contains(wanted)
                ? Step.same(file, LockStatus.GRANTED, Transition.SHARE_REASSERTED)
                : Step.same(file, LockStatus.DENIED_GRACE_PERIOD, Transition.SHARE_DENIED_LATE_RECLAIM);
    }

    /** Always GRANTED, held or not (lockd). */
    static Step unshare(FileLocks file, ShareOwner owner) {
        List<ShareReservation> shares = file.shares().stream().filter(s -> !s.owner().equals(owner)).toList();
        return Step.same(file.withShares(shares), LockStatus.GRANTED, Transition.UNSHARE);
    }

    private static int indexOf(List<ShareReservation> shares, ShareOwner owner) {
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i).owner().equals(owner)) {
                return i;
            }
        }
        return -1;
    }
}
