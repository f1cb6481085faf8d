package dev.handoff.rpc.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.testing.Hex;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import io.netty.buffer.Unpooled;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every kind of reply (RFC 5531 §9 reply_body), byte for byte, and read back as the RPC client reads it. */
class RpcMessageCodecReplyTest {
    private static final String HEAD = "12345678 00000001";
    private static final String ACCEPTED = HEAD + " 00000000 00000000 00000000";

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of(new RpcReply.ProgUnavail(), ACCEPTED + " 00000001"),
                Arguments.of(new RpcReply.ProgMismatch(1, 3), ACCEPTED + " 00000002 00000001 00000003"),
                Arguments.of(new RpcReply.ProgMismatch(3, 3), ACCEPTED + " 00000002 00000003 00000003"),
                Arguments.of(new RpcReply.ProcUnavail(), ACCEPTED + " 00000003"),
                Arguments.of(new RpcReply.GarbageArgs(), ACCEPTED + " 00000004"),
                Arguments.of(new RpcReply.SystemErr(), ACCEPTED + " 00000005"),
                Arguments.of(new RpcReply.RpcMismatch(2, 2), HEAD + " 00000001 00000000 00000002 00000002"),
                Arguments.of(new RpcReply.AuthError(AuthStat.AUTH_BADCRED), HEAD + " 00000001 00000001 00000001"),
                Arguments.of(new RpcReply.AuthError(AuthStat.AUTH_TOOWEAK), HEAD + " 00000001 00000001 00000005"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void refusalsEncodeByteForByteAndDecodeBack(RpcReply reply, String hex) {
        assertThat(Hex.encoded(out -> RpcMessageCodec.encodeReply(out, 0x12345678, reply))).isEqualTo(Hex.strip(hex));
        XdrDecoder in = new XdrDecoder(Hex.buf(hex));
        assertThat(RpcMessageCodec.decodeReply(in)).isEqualTo(new RpcMessageCodec.ReplyHeader(0x12345678, reply));
        in.expectEnd();
    }

    @Test
    void successCarriesAnAuthNoneVerifierAndThenTheResult() {
        String hex = """
                12345678 00000001    # xid, REPLY
                00000000             # MSG_ACCEPTED
                00000000 00000000    # verf AUTH_NONE, empty
                00000000             # SUCCESS
                00000007             # the result
                """;
        RpcReply success = new RpcReply.Success<>(7, XdrEncoder::writeInt);
        assertThat(Hex.encoded(out -> RpcMessageCodec.encodeReply(out, 0x12345678, success)))
                .isEqualTo(Hex.strip(hex));
        XdrDecoder in = new XdrDecoder(Hex.buf(hex));
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        assertThat(header.isSuccess()).isTrue();
        assertThat(header.xid()).isEqualTo(0x12345678);
        assertThat(in.readInt()).as("result left for the caller").isEqualTo(7);
    }

    @Test
    void aDropHasNoReplyToEncode() {
        assertThatThrownBy(() -> RpcMessageCodec.encodeReply(new XdrEncoder(Unpooled.buffer()), 1,
                new RpcReply.Drop("retransmission"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repliesTheClientCannotUnderstandAreXdrExceptions() {
        for (String hex : new String[] {
                "12345678 00000000",                                  // a CALL, not a REPLY
                HEAD + " 00000002",                                   // reply_stat 2
                HEAD + " 00000001 00000002",                          // reject_stat 2
                ACCEPTED + " 00000006",                               // accept_stat 6
                HEAD + " 00000000 00000000 000001ff",                 // verifier over 400 bytes
                ACCEPTED}) {                                          // truncated before accept_stat
            assertThatThrownBy(() -> RpcMessageCodec.decodeReply(new XdrDecoder(Hex.buf(hex))))
                    .as(hex).isExactlyInstanceOf(XdrException.class);
        }
    }

    @Test
    void anUnknownAuthStatReadsAsAuthFailed() {
        RpcMessageCodec.ReplyHeader h = RpcMessageCodec.decodeReply(new XdrDecoder(
                Hex.buf(HEAD + " 00000001 00000001 00000063")));
        assertThat(h.status()).isEqualTo(new RpcReply.AuthError(AuthStat.AUTH_FAILED));
    }
}
