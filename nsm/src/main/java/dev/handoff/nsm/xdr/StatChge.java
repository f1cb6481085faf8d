package dev.handoff.nsm.xdr;

import java.util.Objects;

/**
 * {@code struct stat_chge}, the argument of SM_NOTIFY: host {@code monName} restarted and now has
 * {@code state}. Clients match {@code monName} against the name they mounted the server by (often the
 * address as a string), so the server sends one per name it was known as.
 */
public record StatChge(String monName, int state) {
    public StatChge {
        Objects.requireNonNull(monName, "monName");
    }
}
