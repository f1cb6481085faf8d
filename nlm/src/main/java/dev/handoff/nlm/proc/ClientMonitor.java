package dev.handoff.nlm.proc;

import java.net.InetAddress;

/**
 * The status monitor, as the lock manager uses it: before a client first holds anything, watch it (lockd's
 * SM_MON with {@code mon_name = caller_name}), so that its reboot notice releases what it held and a restart of
 * this server knows to notify it and wait for its reclaims.
 */
@FunctionalInterface
public interface ClientMonitor {
    ClientMonitor NONE = (callerName, client, local) -> true;

    /**
     * @param client the address the client's request came from (our restart notice goes there)
     * @param local  the address the request reached, which the client knows us by; null when unknown
     * @return whether the watch was taken
     */
    boolean monitor(String callerName, InetAddress client, InetAddress local);

    /**
     * Whether a request from {@code from} may act in {@code callerName}'s name (unlock, cancel, free its locks).
     * lockd keys a client on its address and name together, so that typing another host's caller_name gains
     * nothing; here the address is the one the client is watched at. A client watched at no address (never
     * locked, NM_LOCK only, or before the monitor knows it) cannot be checked and is let through.
     */
    default boolean speaksFor(String callerName, InetAddress from) {
        return true;
    }
}
