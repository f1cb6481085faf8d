package dev.handoff.nsm.state;

import dev.handoff.nsm.xdr.NsmCodec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a peer knows this server: the {@code mon_name} our SM_NOTIFY must carry for the peer's statd to match it
 * (the name or address the client mounted, e.g. a VIP as a string) and the address to send it from. A Linux
 * client's statd compares {@code mon_name} with the server name of its mount, and many firewalls and the peer
 * itself expect the packet from that same address (DESIGN §3).
 *
 * @param name   the {@code mon_name} of our SM_NOTIFY; at most {@link NsmCodec#SM_MAXSTRLEN} bytes
 * @param source the local address to send from, or null to let the kernel choose
 */
public record ServerName(String name, InetAddress source) {
    public ServerName {
        Objects.requireNonNull(name, "name");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > NsmCodec.SM_MAXSTRLEN) {
            throw new IllegalArgumentException("a server name has 1 to " + NsmCodec.SM_MAXSTRLEN + " bytes: "
                    + bytes);
        }
    }

    /** Known by an address (a VIP): the address as a string is the name, and notices go out from it. */
    public static ServerName of(InetAddress address) {
        return new ServerName(address.getHostAddress(), address);
    }

    /** Known by a host name; notices leave from whatever address the kernel picks. */
    public static ServerName host(String hostName) {
        return new ServerName(hostName, null);
    }
}
