package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/** nlm_unlockargs / nlm4_unlockargs: the argument of UNLOCK and UNLOCK_MSG. */
public record UnlockArgs(Opaque cookie, NlmLock lock) {
    public UnlockArgs {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(lock, "lock");
    }
}
