package dev.handoff.server.admin;

import dev.handoff.rpc.transport.ConnectionInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A client's live connection as the admin API shows it.
 *
 * @param local      the address and port it reached: in a cluster, which VIP (or node address) it came in by
 * @param remote     the client's address and port
 * @param ageSeconds how long it has been open
 * @param inFlight   calls taken and not yet answered
 * @param quiescing  the connection takes no new calls (its address is being drained)
 */
public record ConnectionView(String transport, String local, String remote, double ageSeconds, int inFlight,
                             boolean quiescing) {

    static ConnectionView of(ConnectionInfo c) {
        return new ConnectionView(c.transport().name(), endpoint(c.local()), endpoint(c.remote()),
                c.age().toMillis() / 1000.0, c.inFlight(), c.quiescing());
    }

    /** {@code 192.0.2.7:812}, {@code [2001:db8::7]:812}; never a looked-up name. */
    static String endpoint(InetSocketAddress a) {
        if (a == null) {
            return "";
        }
        String host = a.getAddress() == null ? a.getHostString() : address(a.getAddress());
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /**
     * An address as the mount list writes its clients: an IPv4-mapped IPv6 address (a dual-stack socket's view
     * of an IPv4 client) as plain IPv4, so a client's mounts, connections and locks meet under one name.
     */
    static String address(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostAddress();
        } catch (UnknownHostException e) {
            return address.getHostAddress(); // cannot happen for the 4 or 16 bytes of an InetAddress
        }
    }
}
