package dev.handoff.rpc.testing;

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
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;

/** Encoding and decoding helpers for codec tests of every module (published in the rpc test jar). */
public final class XdrTesting {
    private XdrTesting() {
    }

    public static <T> byte[] encode(XdrWriter<T> writer, T value) {
        ByteBuf buf = Unpooled.buffer();
        writer.write(new XdrEncoder(buf), value);
        return ByteBufUtil.getBytes(buf);
    }

    /** Decodes {@code bytes} and checks that the reader used every one of them. */
    public static <T> T decode(XdrReader<T> reader, byte[] bytes) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(bytes));
        T value = reader.read(in);
        assertThat(in.remaining()).as("bytes left after decoding").isZero();
        return value;
    }

    /** Encodes, decodes and encodes again: the value comes back equal and the bytes the same. */
    public static <T> void assertRoundTrip(XdrWriter<T> writer, XdrReader<T> reader, T value) {
        byte[] bytes = encode(writer, value);
        assertThat(bytes.length % 4).as("XDR items are multiples of 4 bytes").isZero();
        T decoded = decode(reader, bytes);
        assertThat(decoded).isEqualTo(value);
        assertThat(encode(writer, decoded)).isEqualTo(bytes);
    }

    /** A string item of {@code length} bytes of 'h', as a peer could send it whatever our limits. */
    public static byte[] stringOf(int length) {
        ByteBuffer b = ByteBuffer.allocate(4 + ((length + 3) & ~3)).putInt(length);
        for (int i = 0; i < length; i++) {
            b.put((byte) 'h');
        }
        return b.array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Hex with whitespace and {@code #} comments to the end of a line, as the golden fixtures write it. */
    public static byte[] hex(String annotated) {
        return HexFormat.of().parseHex(annotated.replaceAll("#[^\\n]*", "").replaceAll("\\s+", ""));
    }

    /** Every proper prefix of a valid encoding is refused with an {@link XdrException}. */
    public static void assertEveryPrefixFails(XdrReader<?> reader, byte[] complete) {
        for (int length = 0; length < complete.length; length++) {
            XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(complete, 0, length));
            assertThatThrownBy(() -> reader.read(in))
                    .as("prefix of %d of %d bytes", length, complete.length)
                    .isInstanceOf(XdrException.class);
        }
    }

    /**
     * Damaged copies of a valid encoding either decode or fail with an {@link XdrException}: a record's own
     * check or a runtime exception escaping a reader would be taken for a server fault.
     */
    public static void assertMutationsFailOnlyWithXdrException(XdrReader<?> reader, byte[] valid, long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            byte[] mutated = valid.clone();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (mutated[at] ^ 1);
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(mutated.length + 1) : mutated.length;
            try {
                reader.read(new XdrDecoder(Unpooled.wrappedBuffer(mutated, 0, length)));
            } catch (XdrException expected) {
                // the refusal the dispatcher turns into GARBAGE_ARGS
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + ": " + HexFormat.of().formatHex(mutated)
                        + " raised " + e, e);
            }
        }
    }
}
