package dev.handoff.rpc.rpcbind.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UniversalAddressTest {

    @Test
    void ipv4AddressIsFollowedByThePortAsTwoDecimalBytes() {
        assertThat(UniversalAddress.format(InetAddress.ofLiteral("10.0.0.5"), 2049)).isEqualTo("10.0.0.5.8.1");
        assertThat(UniversalAddress.format(InetAddress.ofLiteral("0.0.0.0"), 111)).isEqualTo("0.0.0.0.0.111");
    }

    @ParameterizedTest
    @CsvSource({
            "::1, ::1",
            "::, ::",
            "fe80:0:0:0:0:0:0:1, fe80::1",
            "1:0:0:0:0:0:0:0, 1::",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "2001:DB8:AA:0:0:0:0:BB, 2001:db8:aa::bb",
    })
    void ipv6AddressIsWrittenInItsRfc5952Form(String literal, String expected) {
        assertThat(UniversalAddress.format(InetAddress.ofLiteral(literal), 0x0801)).isEqualTo(expected + ".8.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5.8.1", "0.0.0.0.0.111", "::1.0.111", "fe80::1.255.255", "::.0.0"})
    void parsingWhatWasFormattedGivesTheSameAddressBack(String uaddr) {
        InetSocketAddress parsed = UniversalAddress.parse(uaddr).orElseThrow();
        assertThat(UniversalAddress.format(parsed)).isEqualTo(uaddr);
    }

    @Test
    void parsedPortCombinesTheTwoBytes() {
        InetSocketAddress a = UniversalAddress.parse("192.168.1.20.3.231").orElseThrow();
        assertThat(a.getAddress()).isEqualTo(InetAddress.ofLiteral("192.168.1.20"));
        assertThat(a.getPort()).isEqualTo(999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.5", "10.0.0.5.8", "10.0.0.5.256.1", "10.0.0.5.8.x", "10.0.0.5.8.",
            "10.0.0.5.1234.1", "127.1.0.111", "1.2.3.4.5.0.111", "nfs.example.com.0.111", "localhost.0.111",
            "/run/rpcbind.sock", "fe80::1%eth0.0.111", "fe80::g.0.111", "10.0.0.256.0.111", ".0.111"})
    void anythingButAnIpLiteralWithTwoPortBytesIsNotAnIpUniversalAddress(String uaddr) {
        assertThat(UniversalAddress.parse(uaddr)).isEmpty();
    }

    @Test
    void portOutsideSixteenBitsCannotBeFormatted() {
        assertThatThrownBy(() -> UniversalAddress.format(InetAddress.ofLiteral("10.0.0.1"), 65536))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
