package dev.handoff.rpc.rpcbind.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class SockaddrCodecTest {
    private final SockaddrCodec littleEndian = new SockaddrCodec(ByteOrder.LITTLE_ENDIAN);

    @Test
    void ipv4IsALinuxSockaddrInWithTheFamilyInHostOrderAndThePortInNetworkOrder() {
        NetBuf n = littleEndian.encode(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 111));
        assertThat(n.maxLength()).isEqualTo(16);
        assertThat(n.buffer().toHex()).isEqualTo("0200" + "006f" + "7f000001" + "0000000000000000");
    }

    @Test
    void ipv6IsALinuxSockaddrIn6() {
        NetBuf n = littleEndian.encode(new InetSocketAddress(InetAddress.ofLiteral("::1"), 2049));
        assertThat(n.maxLength()).isEqualTo(28);
        assertThat(n.buffer().toHex()).isEqualTo("0a00" + "0801" + "00000000"
                + "00000000000000000000000000000001" + "00000000");
    }

    @Test
    void decodingUndoesEncodingInEitherByteOrder() {
        SockaddrCodec bigEndian = new SockaddrCodec(ByteOrder.BIG_ENDIAN);
        for (String host : new String[]{"10.1.2.3", "fe80::1", "::"}) {
            InetSocketAddress a = new InetSocketAddress(InetAddress.ofLiteral(host), 40000);
            assertThat(littleEndian.decode(littleEndian.encode(a))).contains(a);
            assertThat(bigEndian.decode(bigEndian.encode(a))).contains(a);
        }
    }

    @Test
    void unknownFamiliesAndShortBuffersAreNotAddresses() {
        assertThat(littleEndian.decode(NetBuf.EMPTY)).isEmpty();
        assertThat(littleEndian.decode(new NetBuf(16, Opaque.ofHex("0200006f7f0000")))).isEmpty();
        assertThat(littleEndian.decode(new NetBuf(110, Opaque.ofHex("01002f72756e")))).isEmpty();
        assertThat(littleEndian.decode(new NetBuf(28, Opaque.ofHex("0a000801" + "00".repeat(20))))).isEmpty();
    }
}
