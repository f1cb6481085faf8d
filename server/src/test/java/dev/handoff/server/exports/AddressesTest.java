package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.0.1, 10.0.0.1",
            "::ffff:10.0.0.1, 10.0.0.1",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "fe80:0:0:0:0:0:0:0, fe80::",
    })
    void formatsAddressesInTheShortFormOfRfc5952(String literal, String expected) {
        assertThat(Addresses.format(Addresses.parseLiteral(literal).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"host1", "10.1", "17", "10.0.0.256", "[::1]", "fe80::1%eth0", "", "1.2.3.4.5"})
    void onlyFullLiteralsAreAddresses(String text) {
        assertThat(Addresses.parseLiteral(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1} contains {2}: {3}")
    @CsvSource({
            "10.0.0.0, 8, 10.255.1.1, true",
            "10.0.0.0, 8, 11.0.0.1, false",
            "10.1.2.0, 23, 10.1.3.255, true",
            "10.1.2.0, 23, 10.1.4.0, false",
            "0.0.0.0, 0, 192.0.2.1, true",
            "2001:db8::, 32, 2001:db8:ffff::1, true",
            "2001:db8::, 33, 2001:db8:8000::1, false",
            "2001:db8::, 32, 10.0.0.1, false",
    })
    void networksMatchTheirPrefix(String network, int prefix, String address, boolean expected) {
        ClientMatcher.Cidr cidr = new ClientMatcher.Cidr(InetAddress.ofLiteral(network), prefix);

        assertThat(cidr.matches(Addresses.normalize(InetAddress.ofLiteral(address)), HostResolver.NONE))
                .isEqualTo(expected);
    }
}
