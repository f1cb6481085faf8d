package dev.handoff.nlm.callback;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;

/**
 * Who sends a GRANTED that must leave from an address this node does not hold. The Linux client takes a GRANTED
 * only from the address it sent its LOCK to; in a cluster that is a VIP, and the waiter may be granted on any node
 * (where the lock was freed, or where the fairness window was ticked). Such a node hands the callback to the
 * VIP's owner, which sends it from the shared table's pending grant ({@code NlmService#sendPendingGrant}), instead
 * of failing to bind and releasing a lock the client still waits for.
 */
@FunctionalInterface
public interface GrantHandOff {
    /** A single server holds every address it was called on: it sends every callback itself. */
    GrantHandOff NONE = (from, file, cookie) -> false;

    /**
     * Whether another node takes over sending the GRANTED for the pending grant {@code cookie} on {@code file},
     * whose callback must leave from {@code from}. False: send it from here. Must not throw.
     */
    boolean handOff(InetAddress from, FileKey file, Opaque cookie);
}
