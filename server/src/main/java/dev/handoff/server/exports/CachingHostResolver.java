package dev.handoff.server.exports;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers answers, empty ones too, for a fixed time. Exports are checked on every NFS call, and a host-name
 * rule would otherwise put a DNS round trip (or a DNS timeout) in front of each of them. At most
 * {@code maxEntries} answers of each kind are kept; when full, expired answers are dropped, and if that is not
 * enough, all of them (a reverse-lookup flood from many addresses must not grow the heap).
 */
public final class CachingHostResolver implements HostResolver {
    private record Entry<V>(V value, Instant expires) {
    }

    private final HostResolver delegate;
    private final InstantSource clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<InetAddress, Entry<List<String>>> names = new ConcurrentHashMap<>();
    private final Map<String, Entry<List<InetAddress>>> addresses = new ConcurrentHashMap<>();

    public CachingHostResolver(HostResolver delegate, InstantSource clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must be >= 0 and maxEntries >= 1");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    @Override
    public List<String> namesOf(InetAddress address) {
        return cached(names, Addresses.normalize(address), a -> List.copyOf(delegate.namesOf(a)));
    }

    @Override
    public List<InetAddress> addressesOf(String name) {
        return cached(addresses, name, n -> List.copyOf(delegate.addressesOf(n)));
    }

    private <K, V> V cached(Map<K, Entry<V>> map, K key, Function<K, V> lookup) {
        Instant now = clock.instant();
        Entry<V> hit = map.get(key);
        if (hit != null && now.isBefore(hit.expires())) {
            return hit.value();
        }
        // Two threads may look the same key up at once; both answers are equally good.
        V value = lookup.apply(key);
        if (map.size() >= maxEntries) {
            map.values().removeIf(e -> !now.isBefore(e.expires()));
            if (map.size() >= maxEntries) {
                map.clear();
            }
        }
        map.put(key, new Entry<>(value, now.plus(ttl)));
        return value;
    }
}
