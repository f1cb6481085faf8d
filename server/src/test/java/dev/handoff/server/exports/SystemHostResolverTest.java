package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Only what needs no DNS server: literals and the empty name. */
class SystemHostResolverTest {
    private final SystemHostResolver resolver = new SystemHostResolver();

    @Test
    void aLiteralResolvesToItselfWithoutALookup() {
        assertThat(resolver.addressesOf("192.0.2.1")).containsExactly(InetAddress.ofLiteral("192.0.2.1"));
    }

    @Test
    void theEmptyNameHasNoAddressRatherThanTheLoopback() {
        assertThat(resolver.addressesOf("")).isEmpty();
    }
}
