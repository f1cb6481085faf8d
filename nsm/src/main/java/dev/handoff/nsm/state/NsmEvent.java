package dev.handoff.nsm.state;

import java.util.Locale;

/** Every transition the status monitor makes, each a counter ({@link #metricName()}, e.g. {@code monitor.added}). */
public enum NsmEvent {
    BOOTED,
    CRASH_SIMULATED,
    STAT,
    MONITOR_ADDED,
    /** SM_MON again for a watch that exists, with a new cookie, address or server name. */
    MONITOR_UPDATED,
    /** SM_MON again with nothing new: lockd repeats it freely. */
    MONITOR_REPEATED,
    MONITOR_REFUSED_FULL,
    MONITOR_REFUSED_NAME,
    UNMONITORED,
    UNMONITORED_NONE,
    UNMONITORED_ALL,
    PEER_REBOOTED,
    /** A notice whose state number every matching watch already had: a retransmission. */
    PEER_REBOOT_REPEATED,
    /** A notice for a host nobody monitors: ignored. */
    PEER_UNKNOWN,
    NOTIFY_CONFIRMED,
    /** An acknowledgement of a notice about an older restart, or of a peer no longer owed one. */
    NOTIFY_STALE,
    NOTIFY_GAVE_UP,
    /** Counted by the edge: SM_MON, SM_UNMON, SM_UNMON_ALL or SM_SIMU_CRASH from another host. */
    REMOTE_REFUSED,
    /** Counted by the edge: a required save failed, so the transition did not happen. */
    PERSIST_FAILED;

    public String metricName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
