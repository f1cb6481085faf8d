package dev.handoff.cluster.vip;

import java.util.Locale;

/** Every transition {@link VipOwnership} makes, each a counter ({@link #metricName()}, e.g. {@code claim.won}). */
public enum VipEvent {
    /** A claim of a FREE or expired VIP, or the acceptance of a handoff, was written. */
    CLAIM_SENT,
    CLAIM_WON,
    CLAIM_LOST,
    /** No answer within the write timeout; a late success is judged like a stranger's row. */
    CLAIM_ABANDONED,
    /** The claim applied, but only after our own lease would already have run out (a pause). */
    CLAIM_TOO_LATE,
    RENEW_SENT,
    RENEWED,
    RENEW_FAILED,
    RENEW_ABANDONED,
    /** The lease ran out while we held the VIP: we stopped on our own. */
    LEASE_EXPIRED,
    /** A row no longer naming us with our epoch while we held the VIP (a fault elsewhere): we stopped at once. */
    FENCED,
    MOVE_REQUESTED,
    /** Not the owner, target not a live member, or a move already under way. */
    MOVE_IGNORED,
    RELEASE_SENT,
    RELEASE_FAILED,
    DRAIN_STARTED,
    DRAIN_DONE,
    HANDOFF_SENT,
    HANDOFF_DONE,
    HANDOFF_FAILED,
    REBALANCE_STARTED,
    ADDRESS_RESTORED,
    ADDRESS_REMOVED_STRAY,
    QUORUM_LOST,
    QUORUM_REGAINED,
    MEMBERS_CHANGED,
    NODE_DRAIN_STARTED,
    NODE_UNDRAINED,
    NODE_DRAINED;

    public String metricName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
