package dev.handoff.server.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** SIGHUP as the daemons' conventional "reload your configuration" (mountd, exportfs users expect it). */
public final class SignalHooks {
    private static final Logger log = LoggerFactory.getLogger(SignalHooks.class);

    private SignalHooks() {
    }

    /**
     * Runs {@code onHup} on every SIGHUP (instead of the JVM's default, which is to exit), on a thread the
     * JVM starts per signal; a failure is logged and the next signal runs it again. Returns false (logged)
     * when the signal cannot be had: the JVM was started with {@code -Xrs}, or with SIGHUP ignored
     * ({@code nohup}), in which case HotSpot leaves it ignored. The admin API reloads either way.
     */
    public static boolean installSighup(Runnable onHup) {
        SignalHandler previous;
        try {
            previous = Signal.handle(new Signal("HUP"), signal -> {
                try {
                    onHup.run();
                } catch (RuntimeException e) {
                    log.error("SIGHUP handler failed", e);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.warn("cannot handle SIGHUP ({}); reload exports with 'handoff exports reload'", e.getMessage());
            return false;
        }
        if (previous == SignalHandler.SIG_IGN) {
            log.warn("SIGHUP is ignored by this process (started under nohup?); reload exports with"
                    + " 'handoff exports reload'");
            return false;
        }
        return true;
    }
}
