package dev.handoff.server.exports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Address helpers that never touch DNS. */
final class Addresses {
    private Addresses() {
    }

    /**
     * The address as rules compare it: an IPv4-mapped IPv6 address (what a dual-stack socket reports for an
     * IPv4 peer) becomes the IPv4 address, and an IPv6 scope id is dropped.
     */
    static InetAddress normalize(InetAddress address) {
        return fromBytes(address.getAddress());
    }

    /** The address of 4 or 16 bytes; 16 bytes of an IPv4-mapped address give the IPv4 address. */
    static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    /** The address as text; IPv6 in the short form of RFC 5952 §4 (longest run of zero groups as "::"). */
    static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (§4.2.2)
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
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** An IPv4 dotted quad or an IPv6 literal, normalized; empty for anything else, such as a host name. */
    static Optional<InetAddress> parseLiteral(String text) {
        if (text.isEmpty() || text.indexOf('[') >= 0 || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        // inet_aton's short forms ("10.1", "17") would read host names made of digits as addresses.
        if (text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(normalize(InetAddress.ofLiteral(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the first {@code prefixLength} bits of two addresses of the same family are equal. */
    static boolean samePrefix(byte[] a, byte[] b, int prefixLength) {
        if (a.length != b.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[whole] & mask) == (b[whole] & mask);
    }

    /** The address with every bit after {@code prefixLength} cleared. */
    static byte[] mask(byte[] address, int prefixLength) {
        byte[] out = address.clone();
        for (int bit = prefixLength; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }
}
