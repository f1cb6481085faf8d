package dev.handoff.server.exports;

import java.net.InetAddress;
import java.util.Locale;

/**
 * Which callers a client rule is for (exports(5), "Machine Name Formats"). Callers are compared by their
 * normalized address ({@link Addresses#normalize}); host names are resolved through a {@link HostResolver}.
 */
public sealed interface ClientMatcher {
    /**
     * Rule precedence, highest first, as exports(5) lists the forms and as mountd searches them
     * (nfs-utils {@code MCL_FQDN, MCL_SUBNETWORK, MCL_WILDCARD, MCL_NETGROUP, MCL_ANONYMOUS}): a single host
     * wins over a network, which wins over a wildcard, which wins over {@code *}, whatever the order on the
     * line; between rules of the same kind the one written first wins. Netgroups, which rank between
     * wildcards and {@code *}, are not supported.
     */
    enum Kind { SINGLE_HOST, NETWORK, WILDCARD, ANONYMOUS }

    Kind kind();

    /** Whether the rule is for this caller; {@code caller} is already normalized. */
    boolean matches(InetAddress caller, HostResolver resolver);

    /** The client as written in exports syntax (also what MOUNT's EXPORT procedure lists as a group). */
    String spec();

    /** {@code *}: every client. */
    record Any() implements ClientMatcher {
        public static final Any INSTANCE = new Any();

        @Override
        public Kind kind() {
            return Kind.ANONYMOUS;
        }

        @Override
        public boolean matches(InetAddress caller, HostResolver resolver) {
            return true;
        }

        @Override
        public String spec() {
            return "*";
        }
    }

    /** One IPv4 or IPv6 address. */
    record Address(InetAddress address) implements ClientMatcher {
        public Address {
            address = Addresses.normalize(address);
        }

        @Override
        public Kind kind() {
            return Kind.SINGLE_HOST;
        }

        @Override
        public boolean matches(InetAddress caller, HostResolver resolver) {
            return address.equals(caller);
        }

        @Override
        public String spec() {
            return Addresses.format(address);
        }
    }

    /** An IPv4 or IPv6 network, {@code address/prefixLength}; the host bits of {@code network} are zero. */
    record Cidr(InetAddress network, int prefixLength) implements ClientMatcher {
        public Cidr {
            byte[] bytes = Addresses.normalize(network).getAddress();
            if (prefixLength < 0 || prefixLength > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
            }
            network = Addresses.fromBytes(Addresses.mask(bytes, prefixLength));
        }

        @Override
        public Kind kind() {
            return Kind.NETWORK;
        }

        @Override
        public boolean matches(InetAddress caller, HostResolver resolver) {
            return Addresses.samePrefix(network.getAddress(), caller.getAddress(), prefixLength);
        }

        @Override
        public String spec() {
            return Addresses.format(network) + "/" + prefixLength;
        }
    }

    /**
     * A host name. It matches when a forward lookup of the name yields the caller's address, which is how
     * mountd matches single hosts (by address, not by the caller's reverse name, which its owner controls).
     */
    record Hostname(String name) implements ClientMatcher {
        public Hostname {
            name = name.toLowerCase(Locale.ROOT);
        }

        @Override
        public Kind kind() {
            return Kind.SINGLE_HOST;
        }

        @Override
        public boolean matches(InetAddress caller, HostResolver resolver) {
            return resolver.addressesOf(name).stream().map(Addresses::normalize).anyMatch(caller::equals);
        }

        @Override
        public String spec() {
            return name;
        }
    }

    /**
     * A host-name pattern such as {@code *.example.com}. The caller's names come from a reverse lookup, and
     * a name counts only if its forward lookup leads back to the caller: whoever controls the reverse zone of
     * an address must not be able to claim any name.
     */
    record HostnameWildcard(String pattern) implements ClientMatcher {
        public HostnameWildcard {
            pattern = pattern.toLowerCase(Locale.ROOT);
        }

        @Override
        public Kind kind() {
            return Kind.WILDCARD;
        }

        @Override
        public boolean matches(InetAddress caller, HostResolver resolver) {
            for (String name : resolver.namesOf(caller)) {
                String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                if (Glob.matches(pattern, bare) && resolver.addressesOf(name).stream()
                        .map(Addresses::normalize).anyMatch(caller::equals)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String spec() {
            return pattern;
        }
    }
}
