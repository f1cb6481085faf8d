package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ManualAddressManagerTest {

    @Test
    void changesNothingAndReportsTheAnnouncementSkipped() throws Exception {
        ManualAddressManager m = new ManualAddressManager();
        m.add(IpPrefix.parse("10.0.0.5"));
        m.remove(IpPrefix.parse("10.0.0.5"));
        assertThat(m.isUp(InetAddress.getByName("10.0.0.5"))).isTrue();
        assertThat(m.announce(InetAddress.getByName("10.0.0.5"))).isInstanceOf(SendResult.Skipped.class);
    }
}
