package dev.handoff.server.exports;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DNS in a map: PTR and A/AAAA records set by each test, and a count of the lookups made. */
final class FakeResolver implements HostResolver {
    private final Map<InetAddress, List<String>> ptr = new HashMap<>();
    private final Map<String, List<InetAddress>> forward = new HashMap<>();
    int lookups;

    /** A name whose forward and reverse records agree. */
    FakeResolver host(String name, String... addresses) {
        for (String a : addresses) {
            InetAddress address = InetAddress.ofLiteral(a);
            forwardOnly(name, a);
            ptr.computeIfAbsent(address, k -> new ArrayList<>()).add(name);
        }
        return this;
    }

    FakeResolver forwardOnly(String name, String address) {
        forward.computeIfAbsent(name, k -> new ArrayList<>()).add(InetAddress.ofLiteral(address));
        return this;
    }

    /** A PTR record with no forward record to back it (what a hostile reverse zone can publish). */
    FakeResolver reverseOnly(String address, String name) {
        ptr.computeIfAbsent(InetAddress.ofLiteral(address), k -> new ArrayList<>()).add(name);
        return this;
    }

    @Override
    public List<String> namesOf(InetAddress address) {
        lookups++;
        return ptr.getOrDefault(address, List.of());
    }

    @Override
    public List<InetAddress> addressesOf(String name) {
        lookups++;
        return forward.getOrDefault(name, List.of());
    }
}
