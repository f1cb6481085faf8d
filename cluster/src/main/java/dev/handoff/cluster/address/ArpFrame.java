package dev.handoff.cluster.address;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * An ARP announcement (RFC 5227 §3; RFC 826 layout): an ARP request whose sender and target protocol
 * addresses are both the announced address, broadcast. The request form is the one every stack accepts; a
 * neighbour that has the address cached takes the new sender hardware address, which is the point after a
 * move (Linux applies a gratuitous ARP even within the entry's {@code locktime}). A single frame can be
 * lost, so the {@link Announcer} repeats it.
 */
final class ArpFrame {
    static final int ETHERTYPE_ARP = 0x0806;
    static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
    private static final int HTYPE_ETHERNET = 1;
    private static final int PTYPE_IPV4 = 0x0800;
    private static final int OP_REQUEST = 1;

    private ArpFrame() {
    }

    /** The 28-byte ARP payload; the kernel adds the Ethernet header when sent through a packet socket. */
    static byte[] announcement(byte[] mac, Inet4Address address) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + mac.length);
        }
        byte[] ip = address.getAddress();
        return ByteBuffer.allocate(28)
                .putShort((short) HTYPE_ETHERNET).putShort((short) PTYPE_IPV4)
                .put((byte) 6).put((byte) 4).putShort((short) OP_REQUEST)
                .put(mac).put(ip)
                .put(new byte[6]).put(ip) // target hardware address: ignored in a request, zero
                .array();
    }
}
