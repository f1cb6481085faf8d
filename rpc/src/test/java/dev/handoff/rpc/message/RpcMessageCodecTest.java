package dev.handoff.rpc.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.testing.Hex;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Call headers (RFC 5531 §9 call_body, §8.2 opaque_auth, appendix A authsys_parms) as clients send them. */
class RpcMessageCodecTest {

    /** NFSv3 GETATTR with AUTH_NONE. */
    static final String GETATTR_AUTH_NONE = """
            12345678             # xid
            00000000             # msg_type CALL
            00000002             # rpcvers 2
            000186a3             # prog 100003 (NFS)
            00000003             # vers 3
            00000001             # proc 1 (GETATTR)
            00000000 00000000    # cred AUTH_NONE, empty body
            00000000 00000000    # verf AUTH_NONE, empty body
            """;

    /** The same call with the AUTH_SYS credential a Linux client sends. */
    static final String GETATTR_AUTH_SYS = """
            12345678 00000000 00000002 000186a3 00000003 00000001
            00000001 00000024    # cred AUTH_SYS, 36 bytes of authsys_parms:
            0000abcd             #   stamp
            00000006 636c6965    #   machinename "clie"
            6e740000             #   "nt" and fill
            000003e8 00000064    #   uid 1000, gid 100
            00000002             #   2 gids:
            000003e8 0000001b    #   1000, 27
            00000000 00000000    # verf AUTH_NONE
            """;

    static final Credential.Sys LINUX_CLIENT = new Credential.Sys(0xabcd, "client", 1000, 100, List.of(1000, 27));

    private static CallDecoding decode(byte[] record) {
        return RpcMessageCodec.decodeCall(new XdrDecoder(Unpooled.wrappedBuffer(record)));
    }

    private static CallHeader header(Credential credential) {
        return new CallHeader(0x12345678, 2, Calls.NFS, 3, 1, credential, AuthFlavor.AUTH_NONE, Opaque.EMPTY);
    }

    private static CallDecoding.Reject refused(AuthStat stat) {
        return new CallDecoding.Reject(1, new RpcReply.AuthError(stat));
    }

    @Test
    void anAuthNoneCallDecodesAndLeavesTheArgumentsUnread() {
        ByteBuf record = Unpooled.buffer().writeBytes(Hex.bytes(GETATTR_AUTH_NONE)).writeInt(0xfeed);
        XdrDecoder in = new XdrDecoder(record);
        assertThat(RpcMessageCodec.decodeCall(in)).isEqualTo(new CallDecoding.Ok(header(Credential.None.INSTANCE)));
        assertThat(in.readInt()).isEqualTo(0xfeed);
    }

    @Test
    void anAuthSysCallDecodesToItsCredential() {
        assertThat(decode(Hex.bytes(GETATTR_AUTH_SYS))).isEqualTo(new CallDecoding.Ok(header(LINUX_CLIENT)));
    }

    @Test
    void callsEncodeAsTheFixturesRead() {
        assertThat(Hex.encoded(out -> RpcMessageCodec.encodeCall(out, 0x12345678, Calls.NFS, 3, 1,
                Credential.None.INSTANCE))).isEqualTo(Hex.strip(GETATTR_AUTH_NONE));
        assertThat(Hex.encoded(out -> RpcMessageCodec.encodeCall(out, 0x12345678, Calls.NFS, 3, 1, LINUX_CLIENT)))
                .isEqualTo(Hex.strip(GETATTR_AUTH_SYS));
    }

    @Test
    void anOtherFlavorIsKeptAsSentForTheDispatcherToRefuse() {
        byte[] body = new byte[RpcMessageCodec.MAX_AUTH_BODY];
        body[0] = 7;
        CallDecoding d = decode(Calls.callWithCredential(6, body));
        assertThat(d).isInstanceOfSatisfying(CallDecoding.Ok.class, ok -> assertThat(ok.header().credential())
                .isEqualTo(new Credential.Other(6, Opaque.copyOf(body))));
        ByteBuf out = Unpooled.buffer();
        RpcMessageCodec.encodeCall(new XdrEncoder(out), 1, Calls.NFS, 3, 1,
                new Credential.Other(6, Opaque.ofHex("07")));
        assertThat(Hex.of(out)).contains("00000006" + "00000001" + "07000000");
    }

    @Test
    void anAuthSysMachineNameOf255BytesIsAccepted() {
        CallDecoding d = decode(Calls.callWithCredential(AuthFlavor.AUTH_SYS, Calls.authSys(255, 0)));
        assertThat(d).isInstanceOfSatisfying(CallDecoding.Ok.class, ok ->
                assertThat(((Credential.Sys) ok.header().credential()).machineName()).hasSize(255));
    }

    @Test
    void anAuthSysMachineNameOf256BytesIsABadCredential() {
        assertThat(decode(Calls.callWithCredential(AuthFlavor.AUTH_SYS, Calls.authSys(256, 0))))
                .isEqualTo(refused(AuthStat.AUTH_BADCRED));
    }

    @Test
    void sixteenGroupsAreAcceptedAndSeventeenAreABadCredential() {
        CallDecoding sixteen = decode(Calls.callWithCredential(AuthFlavor.AUTH_SYS, Calls.authSys(6, 16)));
        assertThat(sixteen).isInstanceOfSatisfying(CallDecoding.Ok.class, ok ->
                assertThat(((Credential.Sys) ok.header().credential()).gids()).hasSize(16).startsWith(2000));
        assertThat(decode(Calls.callWithCredential(AuthFlavor.AUTH_SYS, Calls.authSys(6, 17))))
                .isEqualTo(refused(AuthStat.AUTH_BADCRED));
    }

    @Test
    void authSysBodiesWithTrailingOrMissingBytesAreBadCredentials() {
        byte[] exact = Calls.authSys(6, 1);
        byte[] longer = Arrays.copyOf(exact, exact.length + 4);
        byte[] shorter = Arrays.copyOf(exact, exact.length - 4);
        assertThat(decode(Calls.callWithCredential(AuthFlavor.AUTH_SYS, longer)))
                .isEqualTo(refused(AuthStat.AUTH_BADCRED));
        assertThat(decode(Calls.callWithCredential(AuthFlavor.AUTH_SYS, shorter)))
                .isEqualTo(refused(AuthStat.AUTH_BADCRED));
    }

    @ParameterizedTest
    @ValueSource(ints = {AuthFlavor.AUTH_NONE, AuthFlavor.AUTH_SYS, 6})
    void aCredentialBodyOver400BytesIsABadCredential(int flavor) {
        assertThat(decode(Calls.callWithCredential(flavor, new byte[RpcMessageCodec.MAX_AUTH_BODY + 1])))
                .isEqualTo(refused(AuthStat.AUTH_BADCRED));
    }

    @Test
    void aVerifierBodyOver400BytesIsABadVerifier() {
        assertThat(decode(Calls.call(1, 2, 0, new byte[0], 0, new byte[RpcMessageCodec.MAX_AUTH_BODY + 1])))
                .isEqualTo(refused(AuthStat.AUTH_BADVERF));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, -1})
    void anRpcVersionOtherThanTwoGetsRpcMismatchTwoTwo(int rpcVersion) {
        assertThat(decode(Calls.call(77, rpcVersion, 0, new byte[0], 0, new byte[0])))
                .isEqualTo(new CallDecoding.Reject(77, new RpcReply.RpcMismatch(2, 2)));
    }

    @Test
    void aReplyMessageIsIgnored() {
        assertThat(decode(Hex.bytes("12345678 00000001 00000000 00000000 00000000 00000000")))
                .isInstanceOf(CallDecoding.Ignore.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 7})
    void aRecordTooShortForXidAndTypeIsIgnored(int length) {
        assertThat(decode(new byte[length])).isInstanceOf(CallDecoding.Ignore.class);
    }

    /**
     * Every prefix of an AUTH_SYS call: too short for a header is ignored, cut in the fixed fields is
     * GARBAGE_ARGS, in the credential AUTH_BADCRED, in the verifier AUTH_BADVERF; never an exception.
     */
    @Test
    void everyTruncationOfACallHeaderGetsAnAnswerOrIsIgnored() {
        byte[] whole = Hex.bytes(GETATTR_AUTH_SYS);
        int credStart = 24;
        int verfStart = credStart + 8 + 36;
        for (int length = 0; length < whole.length; length++) {
            CallDecoding d = decode(Arrays.copyOf(whole, length));
            RpcReply reply = length < credStart ? new RpcReply.GarbageArgs()
                    : length < verfStart ? new RpcReply.AuthError(AuthStat.AUTH_BADCRED)
                    : new RpcReply.AuthError(AuthStat.AUTH_BADVERF);
            if (length < 8) {
                assertThat(d).as("prefix of %d bytes", length).isInstanceOf(CallDecoding.Ignore.class);
            } else {
                assertThat(d).as("prefix of %d bytes", length).isEqualTo(new CallDecoding.Reject(0x12345678, reply));
            }
        }
    }
}
