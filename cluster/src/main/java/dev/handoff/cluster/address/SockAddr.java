package dev.handoff.cluster.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Socket addresses as the kernel lays them out (ip(7), ipv6(7), packet(7)): the family in host byte order,
 * ports and protocol numbers in network byte order.
 */
final class SockAddr {
    private SockAddr() {
    }

    /** {@code struct sockaddr_in}, 16 bytes. */
    static byte[] inet4(Inet4Address address, int port) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.order(ByteOrder.nativeOrder()).putShort((short) RawSocket.AF_INET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).put(address.getAddress());
        return b.array();
    }

    /** {@code struct sockaddr_in6}, 28 bytes; {@code scopeId} is the interface index for a link-local one. */
    static byte[] inet6(Inet6Address address, int scopeId) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.order(ByteOrder.nativeOrder()).putShort((short) RawSocket.AF_INET6);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) 0).putInt(0).put(address.getAddress());
        b.order(ByteOrder.nativeOrder()).putInt(scopeId);
        return b.array();
    }

    /** {@code struct sockaddr_ll}, 20 bytes: where a packet socket sends a frame of {@code ethertype}. */
    static byte[] link(int ethertype, int ifindex, byte[] destinationMac) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.order(ByteOrder.nativeOrder()).putShort((short) RawSocket.AF_PACKET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) ethertype);
        b.order(ByteOrder.nativeOrder()).putInt(ifindex).putShort((short) 0); // sll_hatype: ignored on send
        b.put((byte) 0).put((byte) destinationMac.length).put(destinationMac);
        return b.array();
    }
}
