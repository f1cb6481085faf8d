package dev.handoff.rpc.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Builds call records field by field from RFC 5531 §9 and appendix A with plain buffer writes, independently
 * of the codec under test, for cases too long to write out as hex.
 */
final class Calls {
    static final int NFS = 100003;

    private Calls() {
    }

    static byte[] call(int xid, int rpcVersion, int credFlavor, byte[] credBody, int verfFlavor, byte[] verfBody) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(xid).writeInt(0).writeInt(rpcVersion).writeInt(NFS).writeInt(3).writeInt(1);
        opaqueAuth(b, credFlavor, credBody);
        opaqueAuth(b, verfFlavor, verfBody);
        return ByteBufUtil.getBytes(b);
    }

    static byte[] callWithCredential(int credFlavor, byte[] credBody) {
        return call(1, 2, credFlavor, credBody, 0, new byte[0]);
    }

    /** authsys_parms with a machine name of {@code nameLength} 'm's and {@code groups} supplementary groups. */
    static byte[] authSys(int nameLength, int groups) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(0x5eed);
        byte[] name = "m".repeat(nameLength).getBytes(StandardCharsets.US_ASCII);
        b.writeInt(name.length).writeBytes(name).writeZero(pad(name.length));
        b.writeInt(1000).writeInt(100).writeInt(groups);
        for (int i = 0; i < groups; i++) {
            b.writeInt(2000 + i);
        }
        return ByteBufUtil.getBytes(b);
    }

    private static void opaqueAuth(ByteBuf b, int flavor, byte[] body) {
        b.writeInt(flavor).writeInt(body.length).writeBytes(body).writeZero(pad(body.length));
    }

    private static int pad(int length) {
        return (4 - (length & 3)) & 3;
    }
}
