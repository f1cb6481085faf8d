package dev.handoff.cluster.address;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An address with the prefix length it is added with. A VIP is normally a host route ({@code /32},
 * {@code /128}); a VIP inside the interface's own subnet may carry that subnet's prefix instead.
 */
public record IpPrefix(InetAddress address, int prefixLength) {
    public IpPrefix {
        Objects.requireNonNull(address, "address");
        int max = maxLength(address);
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length must be 0.." + max + " for " + address.getHostAddress());
        }
    }

    /** A host address: {@code /32} for IPv4, {@code /128} for IPv6. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, maxLength(address));
    }

    /**
     * Parses {@code 10.0.0.5}, {@code 10.0.0.5/24}, {@code fd00::5} or {@code fd00::5/64}. Only literals:
     * a VIP given as a name is resolved by its caller, never here (no DNS inside the failover path).
     */
    public static IpPrefix parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        if (literal.isEmpty() || !(literal.indexOf(':') >= 0 || literal.chars().allMatch(c -> c == '.'
                || (c >= '0' && c <= '9')))) {
            throw new IllegalArgumentException("not an IP address literal: " + text);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal); // a literal: no lookup is made
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + text, e);
        }
        if (slash < 0) {
            return host(address);
        }
        try {
            return new IpPrefix(address, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + text, e);
        }
    }

    public boolean ipv6() {
        return !(address instanceof Inet4Address);
    }

    private static int maxLength(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    /** The form {@code ip} takes: {@code 10.0.0.5/32}. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
