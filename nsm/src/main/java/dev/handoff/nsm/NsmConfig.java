package dev.handoff.nsm;

import dev.handoff.nsm.state.NsmLimits;
import dev.handoff.nsm.state.ServerName;
import java.util.Objects;

/**
 * How the status monitor runs.
 *
 * @param limits      bounds on the monitor and notify lists
 * @param defaultName the name a host monitored through the RPC SM_MON (a local tool, not the in-process lock
 *                    manager) is told our restart under; statd uses the host name
 */
public record NsmConfig(NsmLimits limits, ServerName defaultName) {
    public NsmConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(defaultName, "defaultName");
    }

    public static NsmConfig defaults(ServerName defaultName) {
        return new NsmConfig(NsmLimits.defaults(), defaultName);
    }
}
