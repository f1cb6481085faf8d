package dev.handoff.cluster.address;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A tickle ACK with its IP header: a bare TCP ACK with sequence and acknowledgement number 0 from the VIP to a
 * client, as CTDB sends after a takeover.
 *
 * <p>Why it works: the numbers are outside the client's window, so the client's TCP answers with an ACK that
 * carries its real sequence numbers (RFC 9293 §3.10.7.4, "an unacceptable segment ... send an
 * acknowledgment"). That ACK reaches the new owner, which holds the address but has no such connection, and
 * answers with a reset whose sequence number is the ACK's acknowledgement number (RFC 9293 §3.10.7.1), so the
 * client accepts it and reconnects at once, instead of waiting out its retransmission timeout.
 */
final class TickleSegment {
    static final int IPV4_HEADER = 20;
    static final int IPV6_HEADER = 40;
    static final int TCP_HEADER = 20;
    private static final int PROTO_TCP = 6;
    private static final int TTL = 64;
    private static final int FLAG_ACK = 0x10;
    private static final int WINDOW = 1234;

    private TickleSegment() {
    }

    /** IP header + TCP header, from {@code from} (the VIP and its port) to {@code to} (the client). */
    static byte[] ack(InetSocketAddress from, InetSocketAddress to) {
        byte[] src = from.getAddress().getAddress();
        byte[] dst = to.getAddress().getAddress();
        if (src.length != dst.length) {
            throw new IllegalArgumentException("a tickle cannot go between IPv4 and IPv6: " + from + " -> " + to);
        }
        boolean v4 = from.getAddress() instanceof Inet4Address;
        ByteBuffer b = ByteBuffer.allocate((v4 ? IPV4_HEADER : IPV6_HEADER) + TCP_HEADER);
        if (v4) {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + TCP_HEADER))
                    .putShort((short) 0).putShort((short) 0x4000) // id 0 (the kernel fills it), don't fragment
                    .put((byte) TTL).put((byte) PROTO_TCP).putShort((short) 0).put(src).put(dst);
            b.putShort(10, (short) checksum(b.array(), 0, IPV4_HEADER, 0));
        } else {
            b.putInt(0x6000_0000).putShort((short) TCP_HEADER).put((byte) PROTO_TCP).put((byte) TTL)
                    .put(src).put(dst);
        }
        int tcp = b.position();
        b.putShort((short) from.getPort()).putShort((short) to.getPort())
                .putInt(0).putInt(0) // sequence and acknowledgement number: deliberately out of window
                .put((byte) (5 << 4)).put((byte) FLAG_ACK).putShort((short) WINDOW)
                .putShort((short) 0).putShort((short) 0); // checksum (below), urgent pointer
        // Pseudo-header (RFC 9293 §3.1; RFC 8200 §8.1): addresses, protocol, TCP length.
        long pseudo = sum(src) + sum(dst) + PROTO_TCP + TCP_HEADER;
        b.putShort(tcp + 16, (short) checksum(b.array(), tcp, TCP_HEADER, pseudo));
        return b.array();
    }

    /** The Internet checksum (RFC 1071) of {@code len} bytes at {@code off}, plus {@code initial}. */
    static int checksum(byte[] data, int off, int len, long initial) {
        long sum = initial;
        for (int i = 0; i < len; i += 2) {
            int hi = data[off + i] & 0xff;
            int lo = i + 1 < len ? data[off + i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum(byte[] address) {
        long s = 0;
        for (int i = 0; i < address.length; i += 2) {
            s += ((address[i] & 0xff) << 8) | (address[i + 1] & 0xff);
        }
        return s;
    }
}
