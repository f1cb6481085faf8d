package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingHostResolverTest {
    private final FakeResolver dns = new FakeResolver().host("h1.example", "10.0.0.1");
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;

    @Test
    void answersAreReusedUntilTheyExpire() {
        CachingHostResolver cache = new CachingHostResolver(dns, clock, Duration.ofSeconds(60), 100);

        assertThat(cache.addressesOf("h1.example")).containsExactly(InetAddress.ofLiteral("10.0.0.1"));
        now = now.plusSeconds(59);
        assertThat(cache.addressesOf("h1.example")).hasSize(1);
        assertThat(dns.lookups).isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(cache.addressesOf("h1.example")).hasSize(1);
        assertThat(dns.lookups).isEqualTo(2);
    }

    @Test
    void emptyAnswersAreCachedTooSoThatAMissingNameDoesNotAskOnEveryCall() {
        CachingHostResolver cache = new CachingHostResolver(dns, clock, Duration.ofSeconds(60), 100);

        assertThat(cache.namesOf(InetAddress.ofLiteral("192.0.2.1"))).isEmpty();
        assertThat(cache.namesOf(InetAddress.ofLiteral("192.0.2.1"))).isEmpty();
        assertThat(dns.lookups).isEqualTo(1);
    }

    @Test
    void reverseLookupsOfAMappedAddressShareTheEntryOfTheIpv4Address() throws Exception {
        CachingHostResolver cache = new CachingHostResolver(dns, clock, Duration.ofSeconds(60), 100);
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};

        assertThat(cache.namesOf(InetAddress.ofLiteral("10.0.0.1"))).containsExactly("h1.example");
        assertThat(cache.namesOf(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .containsExactly("h1.example");
        assertThat(dns.lookups).isEqualTo(1);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsLimit() {
        CachingHostResolver cache = new CachingHostResolver(dns, clock, Duration.ofSeconds(60), 2);

        for (String name : List.of("a", "b", "c", "a")) {
            cache.addressesOf(name);
        }

        // "c" found the cache full of live entries and emptied it, so "a" was asked again.
        assertThat(dns.lookups).isEqualTo(4);
    }
}
