package dev.handoff.nsm;

import dev.handoff.rpc.xdr.Opaque;

/**
 * The status callback of a watcher in this process (the lock manager), where statd would call
 * {@code my_prog/my_vers/my_proc} over RPC (XNFS chapter 11, SM_MON): a monitored host restarted, so every lock
 * it held is void. Registered with {@link NsmService#register} under the {@code my_id} given in SM_MON.
 *
 * <p>Called on the thread that received the SM_NOTIFY (an RPC worker), outside the monitor's lock; it may block
 * briefly while it frees the host's locks.
 */
@FunctionalInterface
public interface PeerRebootListener {
    /**
     * @param monName the host's name as the watcher gave it in SM_MON (not as the notice spelled it)
     * @param state   the host's new state number
     * @param priv    the 16 bytes the watcher gave in SM_MON
     */
    void onReboot(String monName, int state, Opaque priv);
}
