package dev.handoff.nsm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HostNamesTest {
    private static final InetAddress CLIENT = InetAddress.ofLiteral("10.0.0.7");

    @Test
    void namesCompareWithoutCaseAndOneTrailingDot() {
        assertThat(HostNames.matches("Client.Example", "client.example.", null)).isTrue();
        assertThat(HostNames.matches("client.example", "client.example.org", null)).isFalse();
        assertThat(HostNames.normalize(".")).isEqualTo(".");
    }

    @Test
    void onlyDottedQuadsAndIpv6LiteralsAreAddresses() {
        assertThat(HostNames.literal("10.0.0.7")).contains(CLIENT);
        assertThat(HostNames.literal("fd00::7")).contains(InetAddress.ofLiteral("fd00:0:0:0:0:0:0:7"));
        assertThat(HostNames.literal("123")).as("a host name, though the resolver would take it").isEmpty();
        assertThat(HostNames.literal("client.example")).isEmpty();
        assertThat(HostNames.literal("300.0.0.1")).isEmpty();
        assertThat(HostNames.literal("fd00::zz")).isEmpty();
    }

    @Test
    void anAddressMatchesTheSameAddressSpelledAnotherWay() {
        assertThat(HostNames.matches("fd00::7", "FD00:0:0:0:0:0:0:7", null)).isTrue();
        assertThat(HostNames.matches("10.0.0.7", "10.0.0.8", null)).isFalse();
    }

    @Test
    void aHostMonitoredByAddressMatchesANoticeFromThatAddress() {
        assertThat(HostNames.matches("10.0.0.7", "client7", CLIENT)).isTrue();
        assertThat(HostNames.matches("10.0.0.7", "client7", InetAddress.ofLiteral("10.0.0.8"))).isFalse();
        assertThat(HostNames.matches("client7", "other", CLIENT))
                .as("a host monitored by name is matched by name only").isFalse();
    }

    @Test
    void aNoticeSpeaksForAHostOnlyFromItsAddress() {
        InetAddress other = InetAddress.ofLiteral("10.0.0.8");
        assertThat(HostNames.sentBy("client7", CLIENT, CLIENT)).isTrue();
        assertThat(HostNames.sentBy("client7", CLIENT, other)).isFalse();
        assertThat(HostNames.sentBy("10.0.0.7", null, CLIENT)).as("no address recorded: the name's").isTrue();
        assertThat(HostNames.sentBy("10.0.0.7", null, other)).isFalse();
        assertThat(HostNames.sentBy("client7", null, CLIENT)).as("a bare name cannot be checked").isFalse();
        assertThat(HostNames.sentBy("client7", null, null)).as("in-process: no peer to check").isTrue();
    }
}
