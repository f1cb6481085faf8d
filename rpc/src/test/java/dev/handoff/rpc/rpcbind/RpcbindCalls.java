package dev.handoff.rpc.rpcbind;

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
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;

/** Runs rpcbind calls through {@link Dispatcher#process}, as the transport would, without sockets. */
final class RpcbindCalls {
    static final InetAddress VIP = InetAddress.ofLiteral("10.1.0.7");
    static final InetAddress OTHER_VIP = InetAddress.ofLiteral("10.1.0.8");
    static final InetAddress VIP6 = InetAddress.ofLiteral("fd00::7");
    static final InetAddress CLIENT = InetAddress.ofLiteral("10.9.0.1");

    private final Dispatcher dispatcher;

    RpcbindCalls(RpcProgram rpcbind) {
        dispatcher = new Dispatcher(List.of(rpcbind), ReplyCache.NONE, CallObserver.NONE);
    }

    /** A call from a local program, over UDP to 127.0.0.1:111. */
    static Peer loopback() {
        InetAddress lo = InetAddress.ofLiteral("127.0.0.1");
        return new Peer(Transport.UDP, new InetSocketAddress(lo, 111), new InetSocketAddress(lo, 876));
    }

    /** A call from a remote client that reached {@code local}:111. */
    static Peer remote(Transport transport, InetAddress local) {
        InetAddress client = local instanceof Inet6Address ? InetAddress.ofLiteral("fd00::99") : CLIENT;
        return new Peer(transport, new InetSocketAddress(local, 111), new InetSocketAddress(client, 40000));
    }

    /** Processes the call record written in {@code callHex} and returns the reply record in hex. */
    String replyHex(Peer peer, String callHex) {
        ByteBuf record = Unpooled.wrappedBuffer(HexFormat.of().parseHex(callHex.replace(" ", "")));
        ByteBuf reply = dispatcher.process(record, peer, ByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.hexDump(reply);
        } finally {
            reply.release();
        }
    }

    /** Calls rpcbind {@code version}/{@code procedure}; the reply's status, with the result read when SUCCESS. */
    <A, R> Answer<R> answer(Peer peer, int version, int procedure, XdrWriter<A> args, A value,
                            XdrReader<R> result) {
        ByteBuf call = Unpooled.buffer();
        XdrEncoder out = new XdrEncoder(call);
        RpcMessageCodec.encodeCall(out, 7, RpcbindProgram.PROGRAM, version, procedure, Credential.None.INSTANCE);
        args.write(out, value);
        ByteBuf reply = dispatcher.process(call, peer, ByteBufAllocator.DEFAULT);
        try {
            XdrDecoder in = new XdrDecoder(reply);
            RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
            assertThat(header.xid()).isEqualTo(7);
            R r = header.isSuccess() ? result.read(in) : null;
            in.expectEnd();
            return new Answer<>(header.status(), r);
        } finally {
            reply.release();
        }
    }

    /** The result of a call that must succeed. */
    <A, R> R call(Peer peer, int version, int procedure, XdrWriter<A> args, A value, XdrReader<R> result) {
        Answer<R> a = answer(peer, version, procedure, args, value, result);
        assertThat(a.status()).isInstanceOf(RpcReply.Success.class);
        return a.result();
    }

    record Answer<R>(RpcReply status, R result) {
    }
}
