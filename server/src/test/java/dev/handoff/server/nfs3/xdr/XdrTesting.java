package dev.handoff.server.nfs3.xdr;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Random;

/** Encoding and decoding helpers for the codec tests of the nfs3 and mount xdr packages. */
public final class XdrTesting {
    private XdrTesting() {
    }

    public static <T> byte[] encode(XdrWriter<T> writer, T value) {
        ByteBuf buf = Unpooled.buffer();
        writer.write(new XdrEncoder(buf), value);
        return ByteBufUtil.getBytes(buf);
    }

    /** Encodes, decodes and encodes again: the value comes back equal and the bytes the same. */
    public static <T> T assertRoundTrip(XdrWriter<T> writer, XdrReader<T> reader, T value) {
        byte[] bytes = encode(writer, value);
        assertThat(bytes.length % 4).as("XDR items are multiples of 4 bytes").isZero();
        T decoded = decode(reader, bytes);
        assertThat(decoded).isEqualTo(value);
        assertThat(encode(writer, decoded)).isEqualTo(bytes);
        return decoded;
    }

    /** Decodes {@code bytes} and checks that the reader used every one of them. */
    public static <T> T decode(XdrReader<T> reader, byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        XdrDecoder in = new XdrDecoder(buf);
        T value = reader.read(in);
        assertThat(in.remaining()).as("bytes left after decoding").isZero();
        return value;
    }

    /** Hex with whitespace and {@code #} comments to the end of a line, as the golden fixtures write it. */
    public static byte[] hex(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    public static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Every proper prefix of a valid encoding is refused with an {@link XdrException}, never another
     * exception, and no buffer reference is left behind.
     */
    public static <T> void assertEveryPrefixFails(XdrReader<T> reader, byte[] complete) {
        for (int length = 0; length < complete.length; length++) {
            ByteBuf buf = Unpooled.wrappedBuffer(complete, 0, length);
            int prefix = length;
            assertThatThrownBy(() -> reader.read(new XdrDecoder(buf)))
                    .as("prefix of %d of %d bytes", prefix, complete.length)
                    .isInstanceOf(XdrException.class);
            assertThat(buf.refCnt()).as("references after prefix %d", prefix).isEqualTo(1);
        }
    }

    /**
     * Mutated copies of a valid encoding (random bytes overwritten, lengths shortened) either decode or fail
     * with an {@link XdrException}: a reader never lets a record constructor's check or a runtime exception
     * escape, which the dispatcher would take for a server fault.
     */
    public static <T> void assertMutationsFailOnlyWithXdrException(XdrReader<T> reader, byte[] valid, long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            byte[] mutated = valid.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips && mutated.length > 0; i++) {
                int at = random.nextInt(mutated.length);
                mutated[at] = switch (random.nextInt(3)) {
                    case 0 -> (byte) random.nextInt(256);
                    case 1 -> (byte) 0xFF;
                    default -> (byte) (mutated[at] ^ 1);
                };
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(mutated.length + 1) : mutated.length;
            ByteBuf buf = Unpooled.wrappedBuffer(mutated, 0, length);
            try {
                T value = reader.read(new XdrDecoder(buf));
                if (value instanceof AutoCloseable c) {
                    c.close();
                }
            } catch (XdrException expected) {
                // the refusal the dispatcher turns into GARBAGE_ARGS
            } catch (Exception e) {
                throw new AssertionError("round " + round + ": " + toHex(mutated) + " raised " + e, e);
            }
            assertThat(buf.refCnt()).as("references after round %d", round).isEqualTo(1);
        }
    }
}
