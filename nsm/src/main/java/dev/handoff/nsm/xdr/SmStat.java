package dev.handoff.nsm.xdr;

/** {@code struct sm_stat}, the result of SM_UNMON and SM_UNMON_ALL: the monitor's state number. */
public record SmStat(int state) {
}
