package dev.handoff.cluster.vip;

import java.util.Objects;

/**
 * One row of the shared VIP table (DESIGN.md §5), read whole and replaced only by compare-and-set of the whole
 * row.
 *
 * <p>The lease is not a timestamp. Wall clocks of different nodes disagree, so the record carries
 * {@code renewal}, a sequence that EVERY write of the row raises by one (the owner's renewals and all other
 * writes alike). A row therefore never repeats, and "the row changed" is the same as "the renewal rose".
 * Expiry is judged locally:
 * <ul>
 *   <li>the owner's lease runs from the moment, on its own monotonic clock, it SENT the last write it knows
 *       was applied, for {@code lease}; it stops serving when that runs out, even cut off from everyone;</li>
 *   <li>any other node notes, on its own monotonic clock, when it last saw the row change, and treats the row
 *       as expired only after {@code lease + margin} more without a change.</li>
 * </ul>
 * A write is sent before it is applied and applied before anyone sees it, so the observer's start is never
 * earlier than the owner's; the margin covers clock rate differences, the owner's tick period and the time
 * to remove the address. A takeover is a compare-and-set against the row the observer saw, so it fails if the
 * owner renewed in the meantime.
 *
 * @param owner  the node the row names; for {@link VipState#FREE}, the last owner (meaningless for serving)
 * @param epoch  raised on every change of owner; a node serves only under the epoch of a row naming it
 * @param target for {@link VipState#RELEASING} the node the VIP moves to, otherwise {@code null}
 */
public record VipRecord(VipId vip, NodeId owner, long epoch, VipState state, long renewal, NodeId target) {
    public VipRecord {
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(state, "state");
        if (epoch < 0 || renewal < 0) {
            throw new IllegalArgumentException("epoch and renewal must not be negative");
        }
        if ((state == VipState.RELEASING) != (target != null)) {
            throw new IllegalArgumentException("a target is given exactly for RELEASING");
        }
    }

    /** The row a table starts with: nobody owns it. */
    public static VipRecord initial(VipId vip, NodeId anyNode) {
        return new VipRecord(vip, anyNode, 0, VipState.FREE, 0, null);
    }

    /** Whether this row lets {@code node} hold the VIP under {@code epoch} (serving, draining or renewing). */
    public boolean names(NodeId node, long epoch) {
        return state != VipState.FREE && owner.equals(node) && this.epoch == epoch;
    }

    /** The same row renewed. */
    public VipRecord renewed() {
        return new VipRecord(vip, owner, epoch, state, renewal + 1, target);
    }

    /** The next row, with every write raising {@code renewal}. */
    public VipRecord next(NodeId newOwner, long newEpoch, VipState newState, NodeId newTarget) {
        return new VipRecord(vip, newOwner, newEpoch, newState, renewal + 1, newTarget);
    }

    @Override
    public String toString() {
        return vip + "{" + state + " " + owner + " e" + epoch + " r" + renewal
                + (target == null ? "" : " ->" + target) + "}";
    }
}
