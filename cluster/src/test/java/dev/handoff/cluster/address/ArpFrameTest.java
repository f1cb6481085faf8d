package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArpFrameTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void announcementIsARequestForTheAddressItself() throws Exception {
        byte[] mac = HEX.parseHex("02aabbccddee");
        byte[] b = ArpFrame.announcement(mac, (Inet4Address) InetAddress.getByName("10.201.0.100"));

        // Ethernet, IPv4, 6, 4, request; sender 02:aa:bb:cc:dd:ee 10.201.0.100; target 0 10.201.0.100
        assertThat(HEX.formatHex(b)).isEqualTo("0001080006040001" + "02aabbccddee0ac90064"
                + "0000000000000ac90064");
    }

    @Test
    void aHardwareAddressOtherThanEthernetIsRefused() throws Exception {
        assertThatThrownBy(() -> ArpFrame.announcement(new byte[8],
                (Inet4Address) InetAddress.getByName("10.0.0.1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
