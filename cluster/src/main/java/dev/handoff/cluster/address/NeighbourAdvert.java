package dev.handoff.cluster.address;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * An unsolicited neighbour advertisement (RFC 4861 §7.2.6, layout §4.4): sent to all nodes with the Override
 * flag and the target link-layer address option, so that neighbours replace a cached entry for the address.
 * The checksum is left zero: the kernel computes it for raw ICMPv6 sockets (RFC 3542 §3.1). Receivers drop
 * it unless the hop limit is 255, which the sender sets on the socket.
 */
final class NeighbourAdvert {
    static final Inet6Address ALL_NODES = allNodes();
    private static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
    private static final int FLAG_OVERRIDE = 0x2000_0000;
    private static final int OPTION_TARGET_LINK_LAYER = 2;

    private NeighbourAdvert() {
    }

    /** The 32-byte ICMPv6 message. */
    static byte[] unsolicited(byte[] mac, Inet6Address target) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + mac.length);
        }
        return ByteBuffer.allocate(32)
                .put((byte) TYPE_NEIGHBOR_ADVERTISEMENT).put((byte) 0).putShort((short) 0)
                .putInt(FLAG_OVERRIDE) // not Router, not Solicited (RFC 4861 §7.2.6)
                .put(target.getAddress())
                .put((byte) OPTION_TARGET_LINK_LAYER).put((byte) 1).put(mac) // length in units of 8 bytes
                .array();
    }

    private static Inet6Address allNodes() {
        try {
            return (Inet6Address) InetAddress.getByName("ff02::1");
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
