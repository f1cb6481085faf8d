package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_shareargs / nlm4_shareargs: the argument of SHARE and UNSHARE (versions 3 and 4 only).
 *
 * @param reclaim re-establishing a reservation held before the server restarted; UNSHARE ignores it
 */
public record ShareArgs(Opaque cookie, NlmShare share, boolean reclaim) {
    public ShareArgs {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(share, "share");
    }
}
