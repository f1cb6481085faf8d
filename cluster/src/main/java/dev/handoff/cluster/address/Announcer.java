package dev.handoff.cluster.address;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Sends the announcements for an address just added: gratuitous ARP for IPv4 through a packet socket
 * (packet(7), SOCK_DGRAM, so the kernel writes the Ethernet header), an unsolicited neighbour advertisement
 * for IPv6 through a raw ICMPv6 socket. Both need CAP_NET_RAW; without it nothing is sent and the result
 * says what to grant.
 *
 * <p>Why raw sockets and not {@code arping -U}: the tickle sender needs CAP_NET_RAW and the FFM socket code
 * anyway, it saves a dependency (iputils-arping is not installed by default) and a process per move, and
 * it covers IPv6, which arping does not.
 *
 * <p>The frame is sent {@code count} times, {@code interval} apart (the calling thread sleeps): one lost
 * frame would leave a neighbour sending to the old owner until its cache entry goes stale.
 */
public final class Announcer {
    static final String GRANT_NET_RAW = "grant CAP_NET_RAW (systemd: AmbientCapabilities=CAP_NET_RAW; "
            + "Kubernetes: securityContext.capabilities.add: [NET_RAW])";

    private final int count;
    private final Duration interval;
    private final Path sysClassNet;

    public Announcer(int count, Duration interval) {
        this(count, interval, Path.of("/sys/class/net"));
    }

    Announcer(int count, Duration interval, Path sysClassNet) {
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("count must be 1..100");
        }
        this.count = count;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.sysClassNet = sysClassNet;
    }

    /** Announces {@code address} on {@code iface}. */
    public SendResult announce(String iface, InetAddress address) {
        byte[] mac;
        int ifindex;
        try {
            Path dir = sysClassNet.resolve(iface);
            if (!dir.normalize().getParent().equals(sysClassNet.normalize())) {
                return new SendResult.Failed("not an interface name: " + iface);
            }
            mac = HexFormat.ofDelimiter(":").parseHex(Files.readString(dir.resolve("address")).strip());
            ifindex = Integer.parseInt(Files.readString(dir.resolve("ifindex")).strip());
        } catch (IOException | IllegalArgumentException e) {
            return new SendResult.Failed("cannot read the hardware address of " + iface + ": " + e.getMessage());
        }
        if (mac.length != 6) {
            return new SendResult.Skipped(iface + " has no Ethernet address; nothing to announce");
        }
        try (RawSocket s = open(address, ifindex)) {
            byte[] payload;
            byte[] to;
            if (address instanceof Inet4Address v4) {
                payload = ArpFrame.announcement(mac, v4);
                to = SockAddr.link(ArpFrame.ETHERTYPE_ARP, ifindex, ArpFrame.BROADCAST);
            } else {
                payload = NeighbourAdvert.unsolicited(mac, (Inet6Address) address);
                to = SockAddr.inet6(NeighbourAdvert.ALL_NODES, ifindex);
            }
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    Thread.sleep(interval);
                }
                s.sendTo(payload, to);
            }
            return new SendResult.Sent(count);
        } catch (RawSocket.NativeError e) {
            return e.notPermitted()
                    ? new SendResult.Skipped("announcing " + address.getHostAddress() + " needs CAP_NET_RAW: "
                            + GRANT_NET_RAW)
                    : new SendResult.Failed("announcing " + address.getHostAddress() + " on " + iface + ": "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed("interrupted while announcing " + address.getHostAddress());
        }
    }

    private static RawSocket open(InetAddress address, int ifindex) throws RawSocket.NativeError {
        if (address instanceof Inet4Address) {
            return RawSocket.open(RawSocket.AF_PACKET, RawSocket.SOCK_DGRAM,
                    Short.toUnsignedInt(Short.reverseBytes((short) ArpFrame.ETHERTYPE_ARP)));
        }
        RawSocket s = RawSocket.open(RawSocket.AF_INET6, RawSocket.SOCK_RAW, RawSocket.IPPROTO_ICMPV6);
        try {
            // RFC 4861 §7.1.2: receivers discard neighbour discovery with any other hop limit.
            s.setInt(RawSocket.IPPROTO_IPV6, RawSocket.IPV6_MULTICAST_HOPS, 255);
            s.setInt(RawSocket.IPPROTO_IPV6, RawSocket.IPV6_MULTICAST_IF, ifindex);
            return s;
        } catch (RawSocket.NativeError e) {
            s.close();
            throw e;
        }
    }
}
