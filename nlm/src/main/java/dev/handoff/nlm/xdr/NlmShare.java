package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_share / nlm4_share: a DOS-style share reservation on a whole file, identical in every version.
 *
 * @param callerName the client's host name
 * @param fh         the NFS file handle
 * @param oh         the owner handle
 * @param mode       what others are denied
 * @param access     what the holder wants
 */
public record NlmShare(String callerName, Opaque fh, Opaque oh, ShareMode mode, ShareAccess access) {
    public NlmShare {
        Objects.requireNonNull(callerName, "callerName");
        NlmLimits.requireNetobj(fh, "fh");
        NlmLimits.requireNetobj(oh, "oh");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(access, "access");
    }
}
