package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SockAddrTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final boolean LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    @Test
    void inet4PutsTheFamilyInHostOrderAndThePortInNetworkOrder() throws Exception {
        byte[] b = SockAddr.inet4((Inet4Address) InetAddress.getByName("10.1.2.3"), 2049);
        assertThat(HEX.formatHex(b)).isEqualTo((LE ? "0200" : "0002") + "0801" + "0a010203" + "0000000000000000");
    }

    @Test
    void inet6CarriesTheScopeId() throws Exception {
        byte[] b = SockAddr.inet6((Inet6Address) InetAddress.getByName("ff02::1"), 7);
        assertThat(b).hasSize(28);
        assertThat(HEX.formatHex(b, 0, 8)).isEqualTo((LE ? "0a00" : "000a") + "000000000000");
        assertThat(HEX.formatHex(b, 24, 28)).isEqualTo(LE ? "07000000" : "00000007");
    }

    @Test
    void linkAddressNamesProtocolInterfaceAndDestination() {
        byte[] b = SockAddr.link(0x0806, 5, ArpFrame.BROADCAST);
        assertThat(HEX.formatHex(b)).isEqualTo((LE ? "1100" : "0011") + "0806" + (LE ? "05000000" : "00000005")
                + "0000" + "00" + "06" + "ffffffffffff" + "0000");
    }
}
