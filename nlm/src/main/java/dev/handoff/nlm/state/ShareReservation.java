package dev.handoff.nlm.state;

import java.util.Objects;

/**
 * A DOS/Windows-style share reservation on a whole file (XNFS §10, NLM_SHARE): the access its owner wants and the
 * access it denies to every other owner.
 *
 * <p>Reservations conflict only with reservations. They do not interact with byte-range locks in either direction,
 * as in lockd and NFS-Ganesha's NLM: a SHARE denying write does not stop another client's exclusive LOCK, and a
 * held LOCK does not stop a SHARE. NFS itself never checks them either (READ and WRITE ignore both); they matter
 * only among clients that all use SHARE, which is how the PC-NFS clients that sent them used them.
 */
public record ShareReservation(ShareOwner owner, ShareAccess access, ShareDeny deny) {
    public ShareReservation {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(deny, "deny");
    }

    /** Another owner's reservation conflicts when either side denies what the other wants. */
    public boolean conflictsWith(ShareReservation other) {
        return !owner.equals(other.owner)
                && ((access.wire() & other.deny.wire()) != 0 || (deny.wire() & other.access.wire()) != 0);
    }

    public String client() {
        return owner.callerName();
    }

    @Override
    public String toString() {
        return owner + " access=" + access + " deny=" + deny;
    }
}
