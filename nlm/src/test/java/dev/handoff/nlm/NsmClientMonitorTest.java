package dev.handoff.nlm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nsm.NsmConfig;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.MemoryNsmStore;
import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class NsmClientMonitorTest {
    private static final InetAddress CLIENT = InetAddress.ofLiteral("10.0.0.7");
    private static final InetAddress STRANGER = InetAddress.ofLiteral("10.0.0.8");
    private static final InetAddress VIP = InetAddress.ofLiteral("10.0.0.100");

    private final NsmClientMonitor monitor;

    NsmClientMonitorTest() throws Exception {
        NsmService nsm = NsmService.start(NsmConfig.defaults(ServerName.host("nfs.example")),
                new MemoryNsmStore(NsmSnapshot.EMPTY), (targets, state, outcome) -> { },
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        monitor = new NsmClientMonitor(nsm);
    }

    @Test
    void aWatchedClientIsSpokenForOnlyFromTheAddressItWasWatchedAt() {
        assertThat(monitor.monitor("client-a", CLIENT, VIP)).isTrue();

        assertThat(monitor.speaksFor("client-a", CLIENT)).isTrue();
        assertThat(monitor.speaksFor("CLIENT-A.", CLIENT)).as("names compare as the monitor compares them").isTrue();
        assertThat(monitor.speaksFor("client-a", STRANGER)).isFalse();
    }

    @Test
    void aClientNobodyWatchesCannotBeCheckedAndIsLetThrough() {
        assertThat(monitor.speaksFor("nm-lock-client", STRANGER)).isTrue();
    }
}
