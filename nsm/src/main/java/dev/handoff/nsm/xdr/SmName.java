package dev.handoff.nsm.xdr;

import java.util.Objects;

/** {@code struct sm_name}, the argument of SM_STAT: the host the caller asks about. */
public record SmName(String monName) {
    public SmName {
        Objects.requireNonNull(monName, "monName");
    }
}
