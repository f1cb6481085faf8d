package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void aBareAddressIsAHostRoute() {
        assertThat(IpPrefix.parse("10.0.0.5")).hasToString("10.0.0.5/32");
        assertThat(IpPrefix.parse("fd00::5")).hasToString("fd00:0:0:0:0:0:0:5/128");
        assertThat(IpPrefix.parse("fd00::5").ipv6()).isTrue();
    }

    @Test
    void aGivenPrefixIsKept() {
        assertThat(IpPrefix.parse("10.0.0.5/24").prefixLength()).isEqualTo(24);
        assertThat(IpPrefix.parse("fd00::5/64").prefixLength()).isEqualTo(64);
    }

    @Test
    void namesAndBadPrefixesAreRefusedWithoutALookup() {
        assertThatThrownBy(() -> IpPrefix.parse("nfs.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.5/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.5/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
