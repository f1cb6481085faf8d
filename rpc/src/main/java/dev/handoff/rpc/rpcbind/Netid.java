package dev.handoff.rpc.rpcbind;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.xdr.RpcbEntry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The IP netids of RFC 5665 §5.2.3 that rpcbind hands out, with the netconfig facts GETADDRLIST reports. Other
 * netids (e.g. "local") may be registered, but are opaque names to us.
 */
public enum Netid {
    TCP("tcp", Transport.TCP, false),
    UDP("udp", Transport.UDP, false),
    TCP6("tcp6", Transport.TCP, true),
    UDP6("udp6", Transport.UDP, true);

    public final String id;
    public final Transport transport;
    public final boolean ipv6;

    Netid(String id, Transport transport, boolean ipv6) {
        this.id = id;
        this.transport = transport;
        this.ipv6 = ipv6;
    }

    public static Netid of(Transport transport, InetAddress address) {
        boolean v6 = address instanceof Inet6Address;
        return switch (transport) {
            case TCP -> v6 ? TCP6 : TCP;
            case UDP -> v6 ? UDP6 : UDP;
        };
    }

    /** Netids compare case-insensitively, as rpcbind does. */
    public static Optional<Netid> parse(String netid) {
        return switch (netid.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Optional.of(TCP);
            case "udp" -> Optional.of(UDP);
            case "tcp6" -> Optional.of(TCP6);
            case "udp6" -> Optional.of(UDP6);
            default -> Optional.empty();
        };
    }

    /** Whether {@code address} belongs to this netid's protocol family. */
    public boolean matches(InetAddress address) {
        return ipv6 == (address instanceof Inet6Address);
    }

    public String protocolFamily() {
        return ipv6 ? "inet6" : "inet";
    }

    public int semantics() {
        return transport == Transport.TCP ? RpcbEntry.NC_TPI_COTS_ORD : RpcbEntry.NC_TPI_CLTS;
    }
}
