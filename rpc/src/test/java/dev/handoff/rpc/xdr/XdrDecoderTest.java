package dev.handoff.rpc.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.testing.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and broken input: every failure is an {@link XdrException}, found before anything is allocated. */
class XdrDecoderTest {

    /** One of everything, so that a truncation can fall inside each kind of item. */
    private static final String EVERYTHING_HEX = """
            ffffffff                     # int -1
            00000001                     # bool true
            01020304 05060708            # hyper
            3f800000                     # float 1.0
            3ff00000 00000000            # double 1.0
            0a0b0c00                     # fixed opaque[3]
            00000005 01020304 05000000   # opaque<8>
            00000002 68690000            # string "hi"
            00000002 00000007 00000008   # int<4> {7, 8}
            00000001 00000009            # optional int 9
            00000001 00000003 00000000   # list {3}
            """ + ExampleFile.SILLYPROG_HEX;

    private static void readEverything(XdrDecoder in) {
        in.readInt();
        in.readBool();
        in.readHyper();
        in.readFloat();
        in.readDouble();
        in.readFixedOpaque(3);
        in.readOpaque(8);
        in.readString(8);
        in.readArray(4, XdrDecoder::readInt);
        in.readOptional(XdrDecoder::readInt);
        in.readList(4, XdrDecoder::readInt);
        ExampleFile.read(in);
        in.expectEnd();
    }

    private static XdrDecoder decoder(String hex) {
        return new XdrDecoder(Hex.buf(hex));
    }

    @Test
    void theWholeFixtureDecodes() {
        readEverything(decoder(EVERYTHING_HEX));
    }

    @Test
    void everyTruncationPointGivesAnXdrException() {
        byte[] whole = Hex.bytes(EVERYTHING_HEX);
        for (int length = 0; length < whole.length; length++) {
            XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(whole, 0, length));
            assertThatThrownBy(() -> readEverything(in)).as("prefix of %d bytes", length)
                    .isExactlyInstanceOf(XdrException.class);
        }
    }

    @Test
    void everyTruncationOfTheRfcExampleGivesAnXdrException() {
        byte[] whole = Hex.bytes(ExampleFile.SILLYPROG_HEX);
        for (int length = 0; length < whole.length; length++) {
            XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(whole, 0, length));
            assertThatThrownBy(() -> ExampleFile.read(in)).as("prefix of %d bytes", length)
                    .isExactlyInstanceOf(XdrException.class);
        }
    }

    @Test
    void trailingBytesFailExpectEnd() {
        XdrDecoder in = decoder("00000001 00");
        in.readInt();
        assertThat(in.remaining()).isEqualTo(1);
        assertThat(in.position()).isEqualTo(4);
        assertThatThrownBy(in::expectEnd).isInstanceOf(XdrException.class).hasMessageContaining("1 unexpected");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, -1, 0x100, 0x0100_0000, Integer.MIN_VALUE})
    void booleansOtherThanZeroAndOneAreRefused(int value) {
        XdrDecoder in = new XdrDecoder(Unpooled.buffer().writeInt(value));
        assertThatThrownBy(in::readBool).isInstanceOf(XdrException.class).hasMessageContaining("bool");
        XdrDecoder optional = new XdrDecoder(Unpooled.buffer().writeInt(value).writeInt(0));
        assertThatThrownBy(() -> optional.readOptional(XdrDecoder::readInt)).isInstanceOf(XdrException.class);
        XdrDecoder list = new XdrDecoder(Unpooled.buffer().writeInt(value).writeInt(0));
        assertThatThrownBy(() -> list.readList(4, XdrDecoder::readInt)).isInstanceOf(XdrException.class);
    }

    /** Each reader that takes a declared length, given a 4-byte record holding only that length. */
    private static List<Consumer<XdrDecoder>> lengthReaders(int limit) {
        return List.of(in -> in.readOpaque(limit), in -> in.readString(limit), in -> in.readOpaqueSlice(limit),
                in -> in.readArray(limit, XdrDecoder::readInt));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 1025})
    void declaredLengthsOverTheLimitAreRefusedBeforeAllocating(int declared) {
        for (Consumer<XdrDecoder> reader : lengthReaders(1024)) {
            XdrDecoder in = new XdrDecoder(Unpooled.buffer(4).writeInt(declared));
            assertThatThrownBy(() -> reader.accept(in)).isExactlyInstanceOf(XdrException.class)
                    .hasMessageContaining("exceeds limit 1024")
                    .hasMessageContaining(Integer.toUnsignedString(declared));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7FFF_FFFF, 0x7FFF_FFFC, 1 << 30})
    void lengthsWithinAnUnboundedLimitAreCheckedAgainstTheBytesLeft(int declared) {
        // An allocation of the declared size would be an OutOfMemoryError here, not an XdrException.
        for (Consumer<XdrDecoder> reader : lengthReaders(Integer.MAX_VALUE)) {
            XdrDecoder in = new XdrDecoder(Unpooled.buffer(8).writeInt(declared).writeInt(0));
            assertThatThrownBy(() -> reader.accept(in)).isExactlyInstanceOf(XdrException.class)
                    .hasMessageContaining("4 left");
        }
    }

    @Test
    void aLengthJustPastTheRecordCountsItsPadding() {
        // 5 bytes of data need 8 on the wire; 7 present are not enough.
        XdrDecoder in = decoder("00000005 01020304 050000");
        assertThatThrownBy(() -> in.readOpaque(8)).isInstanceOf(XdrException.class).hasMessageContaining("needs 8");
    }

    @Test
    void anArrayCountLargerThanTheBytesLeftFailsBeforeReadingAnElement() {
        AtomicInteger elementsRead = new AtomicInteger();
        XdrDecoder in = decoder("0000000a 00000001 00000002");
        assertThatThrownBy(() -> in.readArray(100, d -> elementsRead.incrementAndGet()))
                .isInstanceOf(XdrException.class).hasMessageContaining("array needs 40 bytes, 8 left");
        assertThat(elementsRead).hasValue(0);
    }

    @Test
    void aFixedArrayLongerThanTheRecordFailsBeforeReadingAnElement() {
        AtomicInteger elementsRead = new AtomicInteger();
        XdrDecoder in = decoder("00000001");
        assertThatThrownBy(() -> in.readFixedArray(Integer.MAX_VALUE, d -> elementsRead.incrementAndGet()))
                .isInstanceOf(XdrException.class);
        assertThat(elementsRead).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -4, -5, Integer.MIN_VALUE})
    void negativeFixedSizesAreXdrExceptions(int size) {
        assertThatThrownBy(() -> decoder("00000000 00000000").readFixedOpaque(size))
                .isExactlyInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decoder("00000000 00000000").readFixedArray(size, XdrDecoder::readInt))
                .isExactlyInstanceOf(XdrException.class);
    }

    @Test
    void aListLongerThanItsLimitIsRefused() {
        XdrDecoder in = decoder("00000001 00000001 00000001 00000002 00000001 00000003 00000000");
        assertThatThrownBy(() -> in.readList(2, XdrDecoder::readInt)).isInstanceOf(XdrException.class)
                .hasMessageContaining("limit 2");
    }

    @Test
    void unknownEnumValuesAreRefused() {
        enum Color { RED }
        XdrDecoder in = decoder("00000007");
        assertThatThrownBy(() -> in.readEnum(v -> v == 0 ? Color.RED : null)).isInstanceOf(XdrException.class)
                .hasMessageContaining("7");
    }

    @Test
    void anUnknownUnionArmIsAnXdrException() {
        XdrDecoder in = decoder("00000001 61000000 00000009");
        assertThatThrownBy(() -> ExampleFile.read(in)).isInstanceOf(XdrException.class);
    }

    @Test
    void stringsAreDecodedLeniently() {
        // NFS names are bytes; a name that is not UTF-8 must still decode.
        assertThat(decoder("00000002 ff610000").readString(2)).isEqualTo("\uFFFDa");
    }

    @Test
    void aFailedReadLeavesNoSliceRetained() {
        ByteBuf record = Hex.buf("00000009 0102");
        assertThatThrownBy(() -> new XdrDecoder(record).readOpaqueSlice(16)).isInstanceOf(XdrException.class);
        assertThat(record.refCnt()).isEqualTo(1);
    }
}
