package dev.handoff.nsm.xdr;

import java.util.Objects;

/**
 * {@code struct mon_id}: one watch, the host watched ({@code mon_name}) and the caller to notify. The argument
 * of SM_UNMON.
 */
public record MonId(String monName, MyId myId) {
    public MonId {
        Objects.requireNonNull(monName, "monName");
        Objects.requireNonNull(myId, "myId");
    }
}
