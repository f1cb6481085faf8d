package dev.handoff.server.exports;

import java.net.InetAddress;
import java.util.List;

/**
 * Name lookups for host-name client rules. Implementations answer from DNS, /etc/hosts or a cache; an answer
 * that cannot be had (timeout, NXDOMAIN) is an empty list, never an exception, so a failing resolver only
 * makes host-name rules not match.
 */
public interface HostResolver {
    /** A resolver that knows no names: only address, network and {@code *} rules can match. */
    HostResolver NONE = new HostResolver() {
        @Override
        public List<String> namesOf(InetAddress address) {
            return List.of();
        }

        @Override
        public List<InetAddress> addressesOf(String name) {
            return List.of();
        }
    };

    /** Reverse lookup (PTR): the names registered for the address, canonical name first. */
    List<String> namesOf(InetAddress address);

    /** Forward lookup (A and AAAA) of a host name. */
    List<InetAddress> addressesOf(String name);
}
