package dev.handoff.server;

import dev.handoff.server.linux.Capabilities;
import dev.handoff.server.linux.Capability;
import dev.handoff.server.linux.ErrnoException;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start that the kernel can judge each call as its caller (DESIGN.md §4). File handles need
 * CAP_DAC_READ_SEARCH (open_by_handle_at): without it nothing can be served and the start fails. Switching to
 * the caller needs CAP_SETUID and CAP_SETGID: without them Handoff still starts, but never falls back to acting
 * as itself for a client; calls that must act as the caller fail with NFS3ERR_PERM, and the log says so.
 */
final class IdentityMode {
    private static final Logger log = LoggerFactory.getLogger(IdentityMode.class);
    private static final String HOW = "run it as root, or grant the capabilities to the JDK's java binary "
            + "(setcap cap_dac_read_search,cap_setuid,cap_setgid,cap_net_bind_service+ep $JAVA_HOME/bin/java)";

    private IdentityMode() {
    }

    static void check() throws HandoffServer.StartupException {
        Capabilities caps;
        try {
            caps = Capabilities.current();
        } catch (ErrnoException e) {
            throw new HandoffServer.StartupException("cannot read this process's capabilities: " + e.getMessage());
        }
        if (!caps.hasDacReadSearch()) {
            throw new HandoffServer.StartupException("CAP_DAC_READ_SEARCH is missing: NFS file handles are the "
                    + "kernel's own (open_by_handle_at), which needs it; " + HOW);
        }
        Set<Capability> missing = caps.missing(EnumSet.of(Capability.SETUID, Capability.SETGID));
        if (!missing.isEmpty()) {
            log.warn("degraded mode: {} missing, so calls cannot run as their callers; reads and writes of files "
                    + "fail with NFS3ERR_PERM instead of running as this server's user. To serve normally, {}",
                    missing, HOW);
        }
    }
}
