package dev.handoff.rpc.testing;

import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Golden fixtures are written as hex with free spacing, grouped by XDR unit (4 bytes), with {@code #} comments
 * to the end of a line saying what each unit is.
 */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(strip(hex));
    }

    public static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(bytes(hex));
    }

    /** The readable bytes of {@code buf} as hex, without consuming them. */
    public static String of(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    /** What {@code writer} encodes, as hex. */
    public static String encoded(Consumer<XdrEncoder> writer) {
        ByteBuf buf = Unpooled.buffer();
        writer.accept(new XdrEncoder(buf));
        return of(buf);
    }

    /** Normalizes a fixture for comparison with {@link #of}: no comments, no spaces, lower case. */
    public static String strip(String hex) {
        return hex.replaceAll("#[^\\n]*", "").replaceAll("\\s+", "").toLowerCase();
    }
}
