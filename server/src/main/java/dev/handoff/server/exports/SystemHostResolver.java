package dev.handoff.server.exports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Lookups through the JDK, that is the system resolver (nsswitch: /etc/hosts, DNS). They block; wrap this in a
 * {@link CachingHostResolver} so that a per-call check does not ask DNS on every call.
 */
public final class SystemHostResolver implements HostResolver {
    @Override
    public List<String> namesOf(InetAddress address) {
        // getCanonicalHostName answers the literal itself when there is no PTR record.
        InetAddress plain = Addresses.normalize(address);
        String name = plain.getCanonicalHostName();
        return name.equals(plain.getHostAddress()) ? List.of() : List.of(name);
    }

    @Override
    public List<InetAddress> addressesOf(String name) {
        if (name.isEmpty()) {
            return List.of(); // the JDK would answer the loopback address
        }
        try {
            return Arrays.asList(InetAddress.getAllByName(name));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
