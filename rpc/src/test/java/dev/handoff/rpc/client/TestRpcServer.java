package dev.handoff.rpc.client;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.transport.NettyTransport;
import dev.handoff.rpc.transport.RecordMarkingDecoder;
import dev.handoff.rpc.transport.RecordMarkingEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small RPC server for client tests: TCP and UDP on ephemeral ports of one address, dispatching inline on
 * its event loop, recording who called with which xid, and misbehaving on request.
 */
final class TestRpcServer implements AutoCloseable {
    private final EventLoopGroup loops = NettyTransport.eventLoops(1);
    private final Dispatcher dispatcher;
    private final Channel tcp;
    private final Channel udp;

    /** Remote address of every accepted connection. */
    final List<InetSocketAddress> tcpConnections = new CopyOnWriteArrayList<>();
    /** Xid of every call record received over TCP, in order. */
    final List<Integer> tcpXids = new CopyOnWriteArrayList<>();
    /** Sender of every datagram received. */
    final List<InetSocketAddress> udpSenders = new CopyOnWriteArrayList<>();
    final List<Integer> udpXids = new CopyOnWriteArrayList<>();
    /** This many datagrams are read and dropped unanswered. */
    final AtomicInteger udpToIgnore = new AtomicInteger();
    /** This many TCP calls are answered by closing their connection. */
    final AtomicInteger tcpToAnswerByClosing = new AtomicInteger();
    /** When false, TCP calls are read and never answered. */
    volatile boolean answerTcp = true;

    TestRpcServer(InetAddress address, List<RpcProgram> programs) {
        dispatcher = new Dispatcher(programs, ReplyCache.NONE, CallObserver.NONE);
        tcp = new ServerBootstrap().group(loops).channel(NettyTransport.serverSocketChannel())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        tcpConnections.add((InetSocketAddress) ch.remoteAddress());
                        ch.pipeline().addLast(new RecordMarkingDecoder(1 << 20), RecordMarkingEncoder.INSTANCE,
                                new TcpCalls());
                    }
                })
                .bind(new InetSocketAddress(address, 0)).syncUninterruptibly().channel();
        udp = new Bootstrap().group(loops).channel(NettyTransport.datagramChannel()).handler(new UdpCalls())
                .bind(new InetSocketAddress(address, 0)).syncUninterruptibly().channel();
    }

    InetSocketAddress tcpAddress() {
        return (InetSocketAddress) tcp.localAddress();
    }

    InetSocketAddress udpAddress() {
        return (InetSocketAddress) udp.localAddress();
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private final class TcpCalls extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf record) {
            tcpXids.add(record.getInt(record.readerIndex()));
            if (takeOne(tcpToAnswerByClosing)) {
                ctx.close();
                return;
            }
            if (!answerTcp) {
                return;
            }
            Peer peer = new Peer(Transport.TCP, (InetSocketAddress) ctx.channel().localAddress(),
                    (InetSocketAddress) ctx.channel().remoteAddress());
            ByteBuf reply = dispatcher.process(record, peer, ctx.alloc());
            if (reply != null) {
                ctx.writeAndFlush(reply);
            }
        }
    }

    private final class UdpCalls extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf record = packet.content();
            udpSenders.add(packet.sender());
            udpXids.add(record.getInt(record.readerIndex()));
            if (takeOne(udpToIgnore)) {
                return;
            }
            Peer peer = new Peer(Transport.UDP, udpAddress(), packet.sender());
            ByteBuf reply = dispatcher.process(record, peer, ctx.alloc());
            if (reply != null) {
                ctx.writeAndFlush(new DatagramPacket(reply, packet.sender()));
            }
        }
    }

    @Override
    public void close() {
        tcp.close().syncUninterruptibly();
        udp.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
