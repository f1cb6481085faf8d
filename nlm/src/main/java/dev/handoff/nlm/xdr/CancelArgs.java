package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_cancargs / nlm4_cancargs: the argument of CANCEL and CANCEL_MSG, withdrawing a blocked LOCK; the
 * fields repeat that LOCK's so the server can find it.
 */
public record CancelArgs(Opaque cookie, boolean block, boolean exclusive, NlmLock lock) {
    public CancelArgs {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(lock, "lock");
    }
}
