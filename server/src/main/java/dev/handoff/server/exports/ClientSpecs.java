package dev.handoff.server.exports;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the client part of {@code client(options)} into a {@link ClientMatcher}, telling the forms apart as
 * mountd does (nfs-utils {@code client_gettype}): {@code *} or nothing is every host, {@code @} a netgroup,
 * wildcard characters a wildcard, a {@code /} a network, anything else a single host (address or name).
 * Nothing here asks DNS: names are resolved when a call is checked, so a table loads while DNS is down.
 */
final class ClientSpecs {
    /** Host names (RFC 1123), plus '_' which real zones contain. */
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    private static final Pattern WILDCARD = Pattern.compile("(?i)[a-z0-9_.*?\\[\\]!^-]+");
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9.*?\\[\\]!^-]+");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");
    private static final int MAX_NAME = 253;

    private ClientSpecs() {
    }

    static Optional<ClientMatcher> parse(String spec, Consumer<String> error, Consumer<String> warning) {
        if (spec.isEmpty() || spec.equals("*")) {
            return Optional.of(ClientMatcher.Any.INSTANCE);
        }
        if (spec.startsWith("@")) {
            error.accept("netgroup '" + spec + "' is not supported; list the hosts or a network instead");
            return Optional.empty();
        }
        if (spec.startsWith("gss/")) {
            error.accept("'" + spec + "' is not supported: Handoff serves AUTH_SYS only");
            return Optional.empty();
        }
        if (spec.startsWith("[") && spec.indexOf(':') > 0) {
            error.accept("'" + spec + "': write IPv6 addresses without brackets (exports(5))");
            return Optional.empty();
        }
        if (spec.length() > MAX_NAME) {
            error.accept("client '" + spec.substring(0, 32) + "...' is longer than " + MAX_NAME + " characters");
            return Optional.empty();
        }
        if (Glob.hasWildcard(spec)) {
            return wildcard(spec, error, warning);
        }
        if (spec.indexOf('/') >= 0) {
            return network(spec, error, warning);
        }
        Optional<InetAddress> address = Addresses.parseLiteral(spec);
        if (address.isPresent()) {
            return Optional.of(new ClientMatcher.Address(address.get()));
        }
        String name = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        if (!HOST_NAME.matcher(name).matches() || NUMERIC.matcher(name).matches()) {
            error.accept("'" + spec + "' is neither an IP address nor a host name");
            return Optional.empty();
        }
        return Optional.of(new ClientMatcher.Hostname(name));
    }

    private static Optional<ClientMatcher> wildcard(String spec, Consumer<String> error, Consumer<String> warning) {
        Optional<String> problem = Glob.problem(spec);
        if (problem.isEmpty() && !WILDCARD.matcher(spec).matches()) {
            problem = Optional.of("wildcard '" + spec + "' has characters no host name has");
        }
        if (problem.isPresent()) {
            error.accept(problem.get());
            return Optional.empty();
        }
        if (ADDRESS_LIKE.matcher(spec).matches()) {
            warning.accept("wildcard '" + spec + "' matches host names, not addresses; "
                    + "for a network write address/prefix, such as 192.168.1.0/24");
        }
        return Optional.of(new ClientMatcher.HostnameWildcard(spec.toLowerCase(Locale.ROOT)));
    }

    /** {@code address/prefix}, or for IPv4 also {@code address/netmask} (a contiguous one). */
    private static Optional<ClientMatcher> network(String spec, Consumer<String> error, Consumer<String> warning) {
        int slash = spec.indexOf('/');
        String mask = spec.substring(slash + 1);
        Optional<InetAddress> address = Addresses.parseLiteral(spec.substring(0, slash));
        if (address.isEmpty()) {
            error.accept("'" + spec + "': '" + spec.substring(0, slash) + "' is not an IP address");
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        int prefix = DIGITS.matcher(mask).matches() ? Integer.parseInt(mask) : -1;
        if (prefix < 0 && bytes.length == 4) {
            prefix = Addresses.parseLiteral(mask).map(InetAddress::getAddress)
                    .filter(m -> m.length == 4).map(ClientSpecs::contiguousPrefix).orElse(-1);
        }
        if (prefix < 0 || prefix > bits) {
            error.accept("'" + spec + "': '" + mask + "' is not a prefix length from 0 to " + bits
                    + (bytes.length == 4 ? " or a contiguous netmask" : ""));
            return Optional.empty();
        }
        ClientMatcher.Cidr cidr = new ClientMatcher.Cidr(address.get(), prefix);
        if (!Arrays.equals(cidr.network().getAddress(), bytes)) {
            warning.accept("'" + spec + "' has host bits set; it means the network " + cidr.spec());
        }
        return Optional.of(cidr);
    }

    /** The number of leading one bits of a netmask such as 255.255.252.0, or -1 if the ones are not leading. */
    private static int contiguousPrefix(byte[] mask) {
        int value = ((mask[0] & 0xff) << 24) | ((mask[1] & 0xff) << 16) | ((mask[2] & 0xff) << 8) | (mask[3] & 0xff);
        int ones = Integer.bitCount(value);
        return ones == Integer.numberOfLeadingZeros(~value) ? ones : -1;
    }
}
