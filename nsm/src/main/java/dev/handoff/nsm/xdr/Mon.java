package dev.handoff.nsm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * {@code struct mon}, the argument of SM_MON: a watch and {@link #PRIV_SIZE} bytes the monitor keeps for the
 * caller and hands back unchanged in the {@link CallbackStatus} callback (lockd stores a host key there).
 */
public record Mon(MonId monId, Opaque priv) {
    /** {@code opaque priv[16]}: fixed, so it travels without a length. */
    public static final int PRIV_SIZE = 16;

    public Mon {
        Objects.requireNonNull(monId, "monId");
        requirePriv(priv);
    }

    static Opaque requirePriv(Opaque priv) {
        Objects.requireNonNull(priv, "priv");
        if (priv.length() != PRIV_SIZE) {
            throw new IllegalArgumentException("priv has " + PRIV_SIZE + " bytes, not " + priv.length());
        }
        return priv;
    }
}
