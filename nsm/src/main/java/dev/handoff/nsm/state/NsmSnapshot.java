package dev.handoff.nsm.state;

import java.util.List;

/**
 * What the monitor keeps across restarts: its state number, the monitor list, and the peers still owed a notice
 * of an earlier restart. A store saves it whole and gives back the last one saved.
 *
 * @param state    the last state number used; 0 when none was ever saved
 * @param monitors the monitor list, oldest first
 * @param pending  peers not yet told of our latest restart
 */
public record NsmSnapshot(int state, List<Monitor> monitors, List<NotifyTarget> pending) {
    public static final NsmSnapshot EMPTY = new NsmSnapshot(0, List.of(), List.of());

    public NsmSnapshot {
        monitors = List.copyOf(monitors);
        pending = List.copyOf(pending);
    }
}
