package dev.handoff.nsm.state;

/**
 * Bounds on what callers can make the monitor keep. statd has none; here a looping caller must not grow the
 * lists and their file without end.
 *
 * @param maxMonitors        entries of the monitor list; SM_MON of a new one past it is answered STAT_FAIL
 * @param maxNamesPerMonitor names one monitored host may know this server by (addresses it mounted)
 * @param maxPending         peers waiting to hear of our restart; past it the oldest are forgotten
 */
public record NsmLimits(int maxMonitors, int maxNamesPerMonitor, int maxPending) {
    public NsmLimits {
        if (maxMonitors < 1 || maxNamesPerMonitor < 1 || maxPending < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static NsmLimits defaults() {
        return new NsmLimits(4096, 16, 4096);
    }
}
