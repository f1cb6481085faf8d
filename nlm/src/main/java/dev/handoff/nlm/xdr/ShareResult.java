package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_shareres / nlm4_shareres: the result of SHARE and UNSHARE.
 *
 * @param sequence unused by clients; the Linux kernel's lockd always sends 0
 */
public record ShareResult(Opaque cookie, NlmStatus status, int sequence) {
    public ShareResult {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(status, "status");
    }
}
