package dev.handoff.nsm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * {@code struct status}: what the monitor sends to a watcher's {@code my_prog/my_vers/my_proc} when a watched
 * host reports a new state: the host, its state, and the {@link Mon#PRIV_SIZE} private bytes the watcher gave
 * in SM_MON.
 */
public record CallbackStatus(String monName, int state, Opaque priv) {
    public CallbackStatus {
        Objects.requireNonNull(monName, "monName");
        Mon.requirePriv(priv);
    }
}
