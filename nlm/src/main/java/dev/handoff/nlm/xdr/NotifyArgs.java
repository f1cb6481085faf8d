package dev.handoff.nlm.xdr;

import java.util.Objects;

/**
 * nlm_notify / nlm4_notify: the argument of FREE_ALL (versions 3 and 4 only): client {@code name} restarted,
 * drop every lock and share it held. XNFS says {@code state} is unused and should be 0.
 */
public record NotifyArgs(String name, int state) {
    public NotifyArgs {
        Objects.requireNonNull(name, "name");
    }
}
