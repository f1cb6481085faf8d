package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Nfs3XdrTest {
    /** A var-length opaque of {@code length} bytes of 'x', padded, as a client would send it. */
    private static byte[] opaqueOf(int length) {
        ByteBuffer b = ByteBuffer.allocate(Nfs3Xdr.opaqueSize(length)).putInt(length);
        for (int i = 0; i < length; i++) {
            b.put((byte) 'x');
        }
        return b.array();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 28, FileHandle3.MAX_LENGTH})
    void handlesUpTo64BytesRoundTrip(int length) {
        FileHandle3 handle = new FileHandle3(Opaque.copyOf(new byte[length]));
        assertRoundTrip(Nfs3Xdr::writeHandle, Nfs3Xdr::readHandle, handle);
        assertThat(encode(Nfs3Xdr::writePostOpHandle, handle)).hasSize(Nfs3Xdr.postOpHandleSize(handle));
    }

    @Test
    void aHandleLongerThanNfs3FhsizeIsGarbage() {
        assertThatThrownBy(() -> decode(Nfs3Xdr::readHandle, opaqueOf(FileHandle3.MAX_LENGTH + 1)))
                .isInstanceOf(XdrException.class).hasMessageContaining("exceeds limit 64");
        assertThatThrownBy(() -> decode(Nfs3Xdr::readHandle, hex("ffffffff")))
                .isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> new FileHandle3(Opaque.copyOf(new byte[65])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAbsentPostOpHandleIsOneWord() {
        assertThat(encode(Nfs3Xdr::writePostOpHandle, null)).isEqualTo(hex("00000000"));
        assertThat(Nfs3Xdr.postOpHandleSize(null)).isEqualTo(4);
        assertThat(decode(Nfs3Xdr::readPostOpHandle, hex("00000000"))).isNull();
    }

    @Test
    void namesUpToNameMaxAreOrdinary() {
        Filename3 name = decode(Nfs3Xdr::readName, opaqueOf(Filename3.MAX_LENGTH));
        assertThat(name.length()).isEqualTo(255);
        assertThat(name.isTooLong()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {Filename3.MAX_LENGTH + 1, 500, Filename3.MAX_DECODED_LENGTH})
    void namesOverNameMaxDecodeSoThatTheHandlerCanAnswerNametoolong(int length) {
        Filename3 name = decode(Nfs3Xdr::readName, opaqueOf(length));
        assertThat(name.length()).isEqualTo(length);
        assertThat(name.isTooLong()).isTrue();
    }

    @Test
    void namesOverTheDecodeLimitAreGarbage() {
        assertThatThrownBy(() -> decode(Nfs3Xdr::readName, opaqueOf(Filename3.MAX_DECODED_LENGTH + 1)))
                .isInstanceOf(XdrException.class);
    }

    @Test
    void namesKeepTheirBytesEvenWhenTheyAreNotUtf8() {
        Filename3 latin1 = new Filename3(Opaque.ofHex("e92e747874"));
        Filename3 decoded = assertRoundTrip(Nfs3Xdr::writeName, Nfs3Xdr::readName, latin1);
        assertThat(decoded.bytes().toHex()).isEqualTo("e92e747874");
        assertThat(decoded.asString()).isEqualTo("\uFFFD.txt");
    }

    @Test
    void pathsUpTo4096BytesDecodeAndLongerOnesAreGarbage() {
        assertThat(decode(Nfs3Xdr::readPath, opaqueOf(Nfspath3.MAX_LENGTH)).length()).isEqualTo(4096);
        assertThatThrownBy(() -> decode(Nfs3Xdr::readPath, opaqueOf(Nfspath3.MAX_LENGTH + 1)))
                .isInstanceOf(XdrException.class);
    }

    @Test
    void countsAreUnsigned() {
        assertThat(decode(Nfs3Xdr::readCount, hex("ffffffff"))).isEqualTo(0xFFFF_FFFFL);
        assertThat(encode(Nfs3Xdr::writeCount, 0xFFFF_FFFFL)).isEqualTo(hex("ffffffff"));
    }

    @Test
    void verifiersAreEightBigEndianBytes() {
        assertThat(encode(Nfs3Xdr::writeVerifier, Nfs3Samples.VERF)).isEqualTo(hex("0102030405060708"));
        assertRoundTrip(Nfs3Xdr::writeVerifier, Nfs3Xdr::readVerifier, new Verifier3(-1));
    }

    @Test
    void anUnknownStatusOrStableHowIsGarbage() {
        assertThatThrownBy(() -> decode(Nfs3Xdr::readStatus, hex("00000003"))).isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decode(Nfs3Xdr::readStableHow, hex("00000003")))
                .isInstanceOf(XdrException.class);
    }
}
