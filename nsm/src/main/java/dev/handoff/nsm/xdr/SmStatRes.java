package dev.handoff.nsm.xdr;

import java.util.Objects;

/**
 * {@code struct sm_stat_res}, the result of SM_STAT and SM_MON: success or failure, and the monitor's own
 * state number either way (odd while up, incremented at each restart). A struct, not a union: the state is
 * present on failure too.
 */
public record SmStatRes(SmRes resStat, int state) {
    public SmStatRes {
        Objects.requireNonNull(resStat, "resStat");
    }
}
