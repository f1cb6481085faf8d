package dev.handoff.rpc.rpcbind.xdr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Universal addresses of IP transports (RFC 1833 §2.1; RFC 5665 §5.2.3): the host in its text form followed by
 * the port as two more dotted decimal bytes, {@code "h1.h2.h3.h4.p1.p2"} for IPv4 and for IPv6 the RFC 5952
 * text form, e.g. {@code "fe80::1.8.1"} for port 2049. Parsing never consults DNS: a string that is not an
 * address literal is simply not an IP universal address (it may be a Unix socket path).
 */
public final class UniversalAddress {
    private UniversalAddress() {
    }

    public static String format(InetSocketAddress address) {
        return format(address.getAddress(), address.getPort());
    }

    public static String format(InetAddress host, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        String text = host instanceof Inet6Address v6 ? ipv6Text(v6.getAddress()) : host.getHostAddress();
        return text + "." + (port >> 8) + "." + (port & 0xFF);
    }

    /** The socket address in {@code uaddr}, or empty when it is not an IPv4 or IPv6 universal address. */
    public static Optional<InetSocketAddress> parse(String uaddr) {
        int portLow = uaddr.lastIndexOf('.');
        int portHigh = portLow > 0 ? uaddr.lastIndexOf('.', portLow - 1) : -1;
        if (portHigh <= 0) {
            return Optional.empty();
        }
        int p1 = decimalByte(uaddr, portHigh + 1, portLow);
        int p2 = decimalByte(uaddr, portLow + 1, uaddr.length());
        if (p1 < 0 || p2 < 0) {
            return Optional.empty();
        }
        String host = uaddr.substring(0, portHigh);
        return parseHost(host).map(a -> new InetSocketAddress(a, (p1 << 8) | p2));
    }

    private static Optional<InetAddress> parseHost(String host) {
        if (host.indexOf(':') >= 0) {
            // A zone (%eth0) has no meaning to a remote peer and rpcbind never writes one.
            if (host.indexOf('%') >= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(Inet6Address.ofLiteral(host));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        // Inet4Address.ofLiteral also takes BSD shorthand ("127.1"); a universal address has four parts.
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = decimalByte(parts[i], 0, parts[i].length());
            if (v < 0) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        try {
            return Optional.of(Inet4Address.getByAddress(b));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    /** 0..255 written with one to three decimal digits, or -1. */
    private static int decimalByte(String s, int from, int to) {
        if (to - from < 1 || to - from > 3) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 255 ? v : -1;
    }

    /**
     * RFC 5952 §4: lower-case hex without leading zeros, the longest run of two or more zero groups (the first
     * of equals) as "::". This is what inet_ntop writes and what peers compare against; Java's own form keeps
     * every group.
     */
    static String ipv6Text(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
