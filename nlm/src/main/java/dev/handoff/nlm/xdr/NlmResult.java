package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_res / nlm4_res: the result of LOCK, CANCEL, UNLOCK, GRANTED and NM_LOCK, and the argument of LOCK_RES,
 * CANCEL_RES, UNLOCK_RES and GRANTED_RES, which carry a _MSG call's answer back.
 *
 * @param cookie the call's cookie, echoed
 */
public record NlmResult(Opaque cookie, NlmStatus status) {
    public NlmResult {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(status, "status");
    }
}
