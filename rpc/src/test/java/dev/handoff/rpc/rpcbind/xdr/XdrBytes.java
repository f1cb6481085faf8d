package dev.handoff.rpc.rpcbind.xdr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/** Encodes to hex and decodes from hex, for golden fixtures. */
final class XdrBytes {
    private XdrBytes() {
    }

    static <T> String hex(XdrWriter<T> writer, T value) {
        ByteBuf buf = Unpooled.buffer();
        writer.write(new XdrEncoder(buf), value);
        return ByteBufUtil.hexDump(buf);
    }

    /** Decodes all of {@code hex}; spaces are ignored. */
    static <T> T read(String hex, XdrReader<T> reader) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", ""))));
        T value = reader.read(in);
        in.expectEnd();
        return value;
    }

    /** Every proper prefix of {@code hex} fails to decode. */
    static void assertEveryTruncationFails(String hex, XdrReader<?> reader) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        for (int n = 0; n < bytes.length; n++) {
            XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(bytes, 0, n));
            assertThatThrownBy(() -> reader.read(in)).as("prefix of %d bytes", n).isInstanceOf(XdrException.class);
        }
    }
}
