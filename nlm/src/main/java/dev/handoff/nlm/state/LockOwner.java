package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * Who holds a byte-range lock (XNFS §10, nlm4_lock): the client host's {@code caller_name}, the process id
 * {@code svid} and the opaque owner handle {@code oh}. Locks of one owner never conflict with each other; the
 * {@code callerName} alone is the client, the unit that FREE_ALL, reboot notices and the limits work on.
 */
public record LockOwner(String callerName, int svid, Opaque oh) {
    /** LM_MAXSTRLEN. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** MAXNETOBJ_SZ. */
    public static final int MAX_OH_LENGTH = 1024;

    public LockOwner {
        checkName(callerName);
        Objects.requireNonNull(oh, "oh");
        if (oh.length() > MAX_OH_LENGTH) {
            throw new IllegalArgumentException("owner handle of " + oh.length() + " bytes exceeds " + MAX_OH_LENGTH);
        }
    }

    static void checkName(String callerName) {
        Objects.requireNonNull(callerName, "callerName");
        if (callerName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("caller_name of " + callerName.length() + " chars exceeds "
                    + MAX_NAME_LENGTH);
        }
    }

    @Override
    public String toString() {
        return callerName + ":" + svid + (oh.length() == 0 ? "" : ":" + oh.toHex());
    }
}
