package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NeighbourAdvertTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void unsolicitedAdvertOverridesAndCarriesTheTargetLinkLayerAddress() throws Exception {
        byte[] b = NeighbourAdvert.unsolicited(HEX.parseHex("02aabbccddee"),
                (Inet6Address) InetAddress.getByName("fd00::64"));

        // type 136, code 0, checksum left to the kernel; flags O only; target; option 2 length 1 + MAC
        assertThat(HEX.formatHex(b)).isEqualTo("8800000020000000" + "fd000000000000000000000000000064"
                + "020102aabbccddee");
    }

    @Test
    void sentToAllNodes() {
        assertThat(NeighbourAdvert.ALL_NODES.getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:1");
    }
}
