package dev.handoff.rpc.client;

import dev.handoff.rpc.transport.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * An unconnected UDP socket, bound once: each call and each reply is one datagram. Replies are matched by xid
 * alone, so a multi-homed server may answer from another of its addresses.
 */
final class UdpClientTransport implements ClientTransport {
    /** The largest UDP payload; a reply does not fit in less when it is that large. */
    private static final int MAX_DATAGRAM = 65_536;

    private final Channel channel;
    private final InetSocketAddress remote;

    private UdpClientTransport(Channel channel, InetSocketAddress remote) {
        this.channel = channel;
        this.remote = remote;
    }

    /** Binds the socket; blocks briefly, so not to be called on an event loop. */
    static UdpClientTransport bind(EventLoop loop, InetSocketAddress remote, RpcClientOptions options,
                                   Listener listener) throws IOException {
        InetSocketAddress local = options.source() != null ? options.source()
                : new InetSocketAddress(wildcardFor(remote.getAddress()), 0);
        ChannelFuture bound = new Bootstrap().group(loop).channel(NettyTransport.datagramChannel())
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(new ReplyHandler(listener, 0, false))
                .bind(local).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot bind UDP " + local + ": " + bound.cause().getMessage(), bound.cause());
        }
        return new UdpClientTransport(bound.channel(), remote);
    }

    private static InetAddress wildcardFor(InetAddress remote) {
        return InetAddress.ofLiteral(remote instanceof Inet6Address ? "::" : "0.0.0.0");
    }

    @Override
    public int send(byte[] record, Consumer<Throwable> onFailure) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(record), remote)).addListener(sent -> {
            if (!sent.isSuccess()) {
                onFailure.accept(sent.cause());
            }
        });
        return 0;
    }

    @Override
    public ChannelFuture close() {
        return channel.close();
    }
}
