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
}
