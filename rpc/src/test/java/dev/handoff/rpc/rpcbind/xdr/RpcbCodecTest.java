package dev.handoff.rpc.rpcbind.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcbCodecTest {
    private static final Rpcb RPCBIND = new Rpcb(100000, 4, "tcp", "0.0.0.0.0.111", "superuser");
    private static final String RPCBIND_HEX = "000186a0 00000004"
            + " 00000003 74637000"                                      // "tcp"
            + " 0000000d 302e302e 302e302e 302e3131 31000000"            // "0.0.0.0.0.111"
            + " 00000009 73757065 72757365 72000000";                    // "superuser"

    @Test
    void rpcbIsProgramVersionAndThreeStrings() {
        assertThat(XdrBytes.hex(RpcbCodec::write, RPCBIND)).isEqualTo(RPCBIND_HEX.replace(" ", ""));
        assertThat(XdrBytes.read(RPCBIND_HEX, RpcbCodec::read)).isEqualTo(RPCBIND);
    }

    @Test
    void listRoundTripsInOrder() {
        Rpcb nfs = new Rpcb(100003, 3, "udp6", "::.8.1", "handoff");
        List<Rpcb> list = List.of(RPCBIND, nfs);
        assertThat(XdrBytes.read(XdrBytes.hex(RpcbCodec::writeList, list), RpcbCodec::readList))
                .containsExactlyElementsOf(list);
    }

    @Test
    void everyTruncationOfAListFails() {
        XdrBytes.assertEveryTruncationFails(XdrBytes.hex(RpcbCodec::writeList, List.of(RPCBIND)),
                RpcbCodec::readList);
    }

    @Test
    void stringsLongerThanTheirLimitsAreRefused() {
        Rpcb longNetid = new Rpcb(1, 1, "n".repeat(RpcbCodec.MAX_NETID + 1), "", "");
        Rpcb longAddress = new Rpcb(1, 1, "tcp", "a".repeat(RpcbCodec.MAX_ADDRESS + 1), "");
        Rpcb longOwner = new Rpcb(1, 1, "tcp", "", "o".repeat(RpcbCodec.MAX_OWNER + 1));
        for (Rpcb r : List.of(longNetid, longAddress, longOwner)) {
            String hex = XdrBytes.hex(RpcbCodec::write, r);
            assertThatThrownBy(() -> XdrBytes.read(hex, RpcbCodec::read)).isInstanceOf(XdrException.class);
        }
    }

    @Test
    void netbufIsMaxLengthAndOpaqueBytes() {
        NetBuf n = new NetBuf(16, Opaque.ofHex("0200006f7f000001"));
        String hex = XdrBytes.hex(RpcbCodec::writeNetBuf, n);
        assertThat(hex).isEqualTo("00000010" + "00000008" + "0200006f7f000001");
        assertThat(XdrBytes.read(hex, RpcbCodec::readNetBuf)).isEqualTo(n);
        XdrBytes.assertEveryTruncationFails(hex, RpcbCodec::readNetBuf);
    }

    @Test
    void netbufLargerThanASockaddrStorageIsRefused() {
        String hex = XdrBytes.hex(RpcbCodec::writeNetBuf,
                new NetBuf(0, Opaque.copyOf(new byte[RpcbCodec.MAX_NETBUF + 1])));
        assertThatThrownBy(() -> XdrBytes.read(hex, RpcbCodec::readNetBuf)).isInstanceOf(XdrException.class);
    }
}
