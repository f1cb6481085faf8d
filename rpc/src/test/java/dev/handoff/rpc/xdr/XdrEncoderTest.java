package dev.handoff.rpc.xdr;

import static dev.handoff.rpc.testing.Hex.encoded;
import static dev.handoff.rpc.testing.Hex.strip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.testing.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Golden encodings of every RFC 4506 type, each decoded back to the value it came from. */
class XdrEncoderTest {

    private static <T> void assertGolden(Consumer<XdrEncoder> writer, String hex, Function<XdrDecoder, T> reader,
                                         T expected) {
        assertThat(encoded(writer)).isEqualTo(strip(hex));
        XdrDecoder in = new XdrDecoder(Hex.buf(hex));
        assertThat(reader.apply(in)).isEqualTo(expected);
        in.expectEnd();
    }

    @Test
    void integersAreBigEndianTwosComplement() {
        assertGolden(out -> out.writeInt(-1), "ffffffff", XdrDecoder::readInt, -1);
        assertGolden(out -> out.writeInt(0x12345678), "12345678", XdrDecoder::readInt, 0x12345678);
        assertGolden(out -> out.writeInt(Integer.MIN_VALUE), "80000000", XdrDecoder::readInt, Integer.MIN_VALUE);
    }

    @Test
    void unsignedIntegersUseAllThirtyTwoBits() {
        assertGolden(out -> out.writeUnsignedInt(0xFFFF_FFFFL), "ffffffff", XdrDecoder::readUnsignedInt,
                0xFFFF_FFFFL);
        assertGolden(out -> out.writeUnsignedInt(0x8000_0000L), "80000000", XdrDecoder::readUnsignedInt,
                0x8000_0000L);
    }

    @Test
    void unsignedIntegersOutOfRangeAreRefusedOnEncoding() {
        XdrEncoder out = new XdrEncoder(Unpooled.buffer());
        assertThatThrownBy(() -> out.writeUnsignedInt(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.writeUnsignedInt(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void enumsAndBooleansAreIntegers() {
        assertGolden(out -> out.writeEnum(2), "00000002", XdrDecoder::readEnum, 2);
        assertGolden(out -> out.writeBool(true), "00000001", XdrDecoder::readBool, true);
        assertGolden(out -> out.writeBool(false), "00000000", XdrDecoder::readBool, false);
    }

    @Test
    void hypersAreEightBytesBigEndian() {
        assertGolden(out -> out.writeHyper(-2), "ffffffff fffffffe", XdrDecoder::readHyper, -2L);
        assertGolden(out -> out.writeHyper(0x0102030405060708L), "01020304 05060708", XdrDecoder::readHyper,
                0x0102030405060708L);
        assertGolden(out -> out.writeHyper(-1), "ffffffff ffffffff", XdrDecoder::readUnsignedHyper, -1L);
    }

    @Test
    void floatsAndDoublesAreIeeeBitPatterns() {
        assertGolden(out -> out.writeFloat(1.0f), "3f800000", XdrDecoder::readFloat, 1.0f);
        assertGolden(out -> out.writeFloat(-2.5f), "c0200000", XdrDecoder::readFloat, -2.5f);
        assertGolden(out -> out.writeDouble(1.0), "3ff00000 00000000", XdrDecoder::readDouble, 1.0);
        assertGolden(out -> out.writeDouble(Double.NEGATIVE_INFINITY), "fff00000 00000000",
                XdrDecoder::readDouble, Double.NEGATIVE_INFINITY);
    }

    @Test
    void fixedOpaqueIsPaddedToFourBytesWithoutALength() {
        assertGolden(out -> out.writeFixedOpaque(Opaque.ofHex("010203")), "01020300",
                in -> in.readFixedOpaque(3), Opaque.ofHex("010203"));
        assertGolden(out -> out.writeFixedOpaque(Opaque.ofHex("01020304")), "01020304",
                in -> in.readFixedOpaque(4), Opaque.ofHex("01020304"));
        assertGolden(out -> out.writeFixedOpaque(Opaque.EMPTY), "", in -> in.readFixedOpaque(0), Opaque.EMPTY);
    }

    @Test
    void variableOpaqueCarriesItsLengthAndPadding() {
        assertGolden(out -> out.writeOpaque(Opaque.ofHex("0102030405")), "00000005 01020304 05000000",
                in -> in.readOpaque(5), Opaque.ofHex("0102030405"));
        assertGolden(out -> out.writeOpaque(Opaque.EMPTY), "00000000", in -> in.readOpaque(0), Opaque.EMPTY);
        byte[] b = {9, 1, 2, 9};
        assertGolden(out -> out.writeOpaque(b, 1, 2), "00000002 01020000", in -> in.readOpaque(8),
                Opaque.ofHex("0102"));
    }

    @Test
    void bulkOpaqueIsWrittenFromAndReadIntoBuffersWithoutConsumingTheSource() {
        ByteBuf data = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6});
        data.readerIndex(1);
        assertThat(encoded(out -> out.writeOpaque(data))).isEqualTo("000000050203040506000000");
        assertThat(data.readerIndex()).isEqualTo(1);
        assertThat(data.refCnt()).isEqualTo(1);

        ByteBuf record = Hex.buf("00000003 0a0b0c00 0000002a");
        XdrDecoder in = new XdrDecoder(record);
        ByteBuf slice = in.readOpaqueSlice(3);
        assertThat(Hex.of(slice)).isEqualTo("0a0b0c");
        assertThat(in.readInt()).isEqualTo(42);
        assertThat(record.refCnt()).as("the slice holds the record").isEqualTo(2);
        slice.release();
        assertThat(record.refCnt()).isEqualTo(1);
    }

    @Test
    void stringsAreUtf8BytesLikeOpaque() {
        assertGolden(out -> out.writeString("lisp"), "00000004 6c697370", in -> in.readString(4), "lisp");
        assertGolden(out -> out.writeString("é"), "00000002 c3a90000", in -> in.readString(2), "é");
        assertGolden(out -> out.writeString(""), "00000000", in -> in.readString(0), "");
    }

    @Test
    void arraysFixedAndVariable() {
        assertGolden(out -> out.writeArray(List.of(1, 2, 3), XdrEncoder::writeInt),
                "00000003 00000001 00000002 00000003", in -> in.readArray(3, XdrDecoder::readInt), List.of(1, 2, 3));
        assertGolden(out -> out.writeArray(List.of(), XdrEncoder::writeInt), "00000000",
                in -> in.readArray(0, XdrDecoder::readInt), List.of());
        assertGolden(out -> List.of(7, 8).forEach(out::writeInt), "00000007 00000008",
                in -> in.readFixedArray(2, XdrDecoder::readInt), List.of(7, 8));
        assertGolden(out -> out.writeArray(List.of("a", "bcde"), XdrEncoder::writeString),
                "00000002 00000001 61000000 00000004 62636465", in -> in.readArray(2, d -> d.readString(4)),
                List.of("a", "bcde"));
    }

    @Test
    void optionalDataIsABooleanThenTheValue() {
        assertGolden(out -> out.writeOptional(5, XdrEncoder::writeInt), "00000001 00000005",
                in -> in.readOptional(XdrDecoder::readInt), 5);
        assertGolden(out -> out.writeOptional(null, XdrEncoder::writeInt), "00000000",
                in -> in.readOptional(XdrDecoder::readInt), null);
    }

    @Test
    void linkedListsAreRepeatedOptionalData() {
        assertGolden(out -> out.writeList(List.of(1, 2), XdrEncoder::writeInt),
                "00000001 00000001 00000001 00000002 00000000", in -> in.readList(2, XdrDecoder::readInt),
                List.of(1, 2));
        assertGolden(out -> out.writeList(List.of(), XdrEncoder::writeInt), "00000000",
                in -> in.readList(0, XdrDecoder::readInt), List.of());
    }

    @Test
    void voidTakesNoBytes() {
        assertThat(encoded(out -> XdrWriter.<Void>nothing().write(out, null))).isEmpty();
    }

    @Test
    void theRfc4506ExampleStructureEncodesAsTheRfcPrintsIt() {
        assertGolden(out -> ExampleFile.write(out, ExampleFile.SILLYPROG), ExampleFile.SILLYPROG_HEX,
                ExampleFile::read, ExampleFile.SILLYPROG);
    }

    @Test
    void everyArmOfTheExampleUnionRoundTrips() {
        for (ExampleFile.FileType type : List.of(new ExampleFile.FileType.Text(),
                new ExampleFile.FileType.Data("emacs"), new ExampleFile.FileType.Exec("sh"))) {
            ExampleFile f = new ExampleFile("f", type, "root", Opaque.ofHex("00ff"));
            ByteBuf buf = Unpooled.buffer();
            ExampleFile.write(new XdrEncoder(buf), f);
            XdrDecoder in = new XdrDecoder(buf);
            assertThat(ExampleFile.read(in)).isEqualTo(f);
            in.expectEnd();
        }
    }

    @Test
    void sizeCountsTheBytesWritten() {
        XdrEncoder out = new XdrEncoder(Unpooled.buffer());
        out.writeInt(1).writeString("abc");
        assertThat(out.size()).isEqualTo(12);
    }
}
