package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * Who holds a share reservation (XNFS §10, nlm4_share): {@code caller_name} and the owner handle {@code oh}. Shares
 * carry no svid; a second SHARE by the same owner on the same file replaces the first, as lockd does.
 */
public record ShareOwner(String callerName, Opaque oh) {
    public ShareOwner {
        LockOwner.checkName(callerName);
        Objects.requireNonNull(oh, "oh");
        if (oh.length() > LockOwner.MAX_OH_LENGTH) {
            throw new IllegalArgumentException("owner handle of " + oh.length() + " bytes exceeds "
                    + LockOwner.MAX_OH_LENGTH);
        }
    }

    @Override
    public String toString() {
        return callerName + (oh.length() == 0 ? "" : ":" + oh.toHex());
    }
}
