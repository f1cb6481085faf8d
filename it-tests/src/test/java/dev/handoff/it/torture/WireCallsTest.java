package dev.handoff.it.torture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.xdr.LockArgs;
import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.message.CallDecoding;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The torture client's NLM calls read back with the server's own codec; its reply decoding on built replies. */
class WireCallsTest {
    private static final Opaque FH = Opaque.ofHex("0102030405060708");
    private static final WireCalls.NlmOwner OWNER = new WireCalls.NlmOwner("torture-w1", Opaque.ofHex("7731"), 801, 1);

    @Test
    void aLockCallIsANonBlockingNlm4LockOfTheOwnersRange() {
        XdrDecoder in = args(WireCalls.lock(7, OWNER, FH, 0, 4096, true), 2);
        LockArgs a = NlmArgsCodec.NLM4.readLockArgs(in);

        assertThat(a.block()).isFalse();
        assertThat(a.exclusive()).isTrue();
        assertThat(a.lock().callerName()).isEqualTo("torture-w1");
        assertThat(a.lock().fh()).isEqualTo(FH);
        assertThat(a.lock().svid()).isEqualTo(801);
        assertThat(a.lock().offset()).isZero();
        assertThat(a.lock().length()).isEqualTo(4096);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void anUnlockCallNamesTheSameLock() {
        XdrDecoder in = args(WireCalls.unlock(8, OWNER, FH, 0, 4096), 4);
        UnlockArgs a = NlmArgsCodec.NLM4.readUnlockArgs(in);

        assertThat(a.lock().oh()).isEqualTo(OWNER.oh());
        assertThat(in.remaining()).isZero();
    }

    @Test
    void aWriteReplyGivesHowItWasCommittedAndTheVerifier() {
        byte[] reply = reply(9, out -> {
            out.writeInt(0);                                  // NFS3_OK
            out.writeBool(false).writeBool(false);            // wcc_data: no attributes
            out.writeUnsignedInt(64).writeEnum(2).writeFixedOpaque(Opaque.ofHex("00000000000000aa"));
        });

        WireReply r = WireReply.decode("WRITE", reply);
        assertThat(r.status()).isZero();
        assertThat(r.committed()).isEqualTo(2);
        assertThat(r.verf().toHex()).isEqualTo("00000000000000aa");
        assertThat(WireReply.xid(reply)).isEqualTo(9);
    }

    @Test
    void aLockReplyGivesTheNlmStatusAfterTheCookie() {
        byte[] reply = reply(10, out -> out.writeOpaque(Opaque.ofHex("0000000a")).writeEnum(1));

        assertThat(WireReply.decode("LOCK", reply).status()).isEqualTo(1);
    }

    @Test
    void aRemoveErrorIsItsStatus() {
        byte[] reply = reply(11, out -> out.writeInt(2).writeBool(false).writeBool(false));

        assertThat(WireReply.decode("REMOVE", reply).status()).isEqualTo(2);
    }

    @Test
    void aCallTheServerDidNotAcceptSaysWhy() {
        ByteBuf buf = Unpooled.buffer();
        RpcMessageCodec.encodeReply(new XdrEncoder(buf), 12, new RpcReply.SystemErr());
        byte[] reply = ByteBufUtil.getBytes(buf);
        buf.release();

        WireReply r = WireReply.decode("LOCK", reply);
        assertThat(r.status()).isEqualTo(-1);
        assertThat(r.rpcError()).isEqualTo("SystemErr");
    }

    private static XdrDecoder args(byte[] record, int procedure) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(record));
        CallDecoding d = RpcMessageCodec.decodeCall(in);
        assertThat(d).isInstanceOf(CallDecoding.Ok.class);
        assertThat(((CallDecoding.Ok) d).header().procedure()).isEqualTo(procedure);
        return in;
    }

    private static byte[] reply(int xid, Consumer<XdrEncoder> result) {
        ByteBuf buf = Unpooled.buffer();
        try {
            RpcMessageCodec.encodeReply(new XdrEncoder(buf), xid,
                    new RpcReply.Success<Void>(null, (out, v) -> result.accept(out)));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
