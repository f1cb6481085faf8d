package dev.handoff.nsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/** NSM calls encoded as a peer sends them, answered by a {@link Dispatcher}, replies decoded. */
final class NsmCalls {
    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.ofLiteral("10.0.0.100"), 662);

    private final Dispatcher dispatcher;
    private int xid = 1;

    NsmCalls(RpcProgram program) {
        this.dispatcher = new Dispatcher(List.of(program), ReplyCache.NONE, CallObserver.NONE);
    }

    /** One call over UDP; checks that it succeeded at the RPC level and that the result used the whole reply. */
    <A, R> R call(InetSocketAddress from, int procedure, XdrWriter<A> args, A value, XdrReader<R> result) {
        ByteBuf record = Unpooled.buffer();
        XdrEncoder out = new XdrEncoder(record);
        RpcMessageCodec.encodeCall(out, xid++, NsmProgram.PROGRAM, NsmProgram.VERSION, procedure,
                Credential.None.INSTANCE);
        args.write(out, value);
        ByteBuf reply = dispatcher.process(record, new Peer(Transport.UDP, SERVER, from),
                UnpooledByteBufAllocator.DEFAULT);
        assertThat(reply).as("a reply").isNotNull();
        XdrDecoder in = new XdrDecoder(reply);
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        assertThat(header.status()).isInstanceOf(RpcReply.Success.class);
        R r = result.read(in);
        assertThat(in.remaining()).as("bytes after the result").isZero();
        return r;
    }
}
