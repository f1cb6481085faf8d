package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TickleSegmentTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ipv4TickleIsABareAckWithZeroNumbersAndValidChecksums() {
        byte[] b = TickleSegment.ack(new InetSocketAddress("10.201.0.100", 2049),
                new InetSocketAddress("10.201.0.2", 40000));

        // ip: 45 00 len=40 id=0 DF ttl=64 tcp cksum 10.201.0.100 > 10.201.0.2
        // tcp: 2049 > 40000 seq=0 ack=0 doff=5 ACK win=1234 cksum urg=0
        assertThat(HEX.formatHex(b)).isEqualTo("4500002800004000400624d90ac900640ac90002"
                + "08019c400000000000000000501004d2f0c90000");
        assertThat(TickleSegment.checksum(b, 0, 20, 0)).isZero();
    }

    @Test
    void ipv6TickleCarriesAFortyByteHeaderAndPseudoHeaderChecksum() {
        byte[] b = TickleSegment.ack(new InetSocketAddress("fd00::64", 2049),
                new InetSocketAddress("fd00::2", 40000));

        assertThat(HEX.formatHex(b)).isEqualTo("6000000000140640"
                + "fd000000000000000000000000000064fd000000000000000000000000000002"
                + "08019c400000000000000000501004d20c5a0000");
    }

    @Test
    void mixedFamiliesAreRefused() {
        assertThatThrownBy(() -> TickleSegment.ack(new InetSocketAddress("10.0.0.1", 1),
                new InetSocketAddress("fd00::1", 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksumPadsAnOddLengthWithZero() {
        // RFC 1071 §4.1 example data, odd length: 0001 f203 f4f5 f6f7 + trailing byte
        byte[] data = HEX.parseHex("0001f203f4f5f6f7ff");
        assertThat(TickleSegment.checksum(data, 0, 8, 0)).isEqualTo(~0xddf2 & 0xffff);
        assertThat(TickleSegment.checksum(data, 0, 9, 0)).isEqualTo(~(0xddf2 + 0xff00 - 0xffff) & 0xffff);
    }
}
