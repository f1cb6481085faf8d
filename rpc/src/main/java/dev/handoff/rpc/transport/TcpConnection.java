package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One accepted TCP connection: whole records in, replies out, in any order (RFC 5531 allows it). */
final class TcpConnection extends CallChannel {
    private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);

    private final long openedNanos = System.nanoTime();
    private Peer peer;

    TcpConnection(ListenerGroup group, Dispatcher dispatcher, WorkerPool workers, InlineCallGuard inline,
                  int maxInFlight) {
        super(group, dispatcher, workers, inline, maxInFlight);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        peer = new Peer(Transport.TCP, (InetSocketAddress) channel.localAddress(),
                (InetSocketAddress) channel.remoteAddress());
        String refused = group.admit(this);
        if (refused != null) {
            // Reset at once: nothing is read from it, and it holds nothing.
            group.observer().onDropped(peer, refused);
            log.debug("refusing a connection from {}: {}", peer.remote(), refused);
            channel.config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
            ctx.close();
            return;
        }
        group.register(this);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        group.unregister(this);
        closed();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        submit((ByteBuf) msg, peer, reply -> channel.writeAndFlush(reply).addListener(f -> finished()));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            group.limitCounts().recordTooLarge();
        }
        if (cause instanceof TooLongFrameException || cause instanceof DecoderException) {
            log.warn("closing connection from {}: {}", peer == null ? "?" : peer.remote(), cause.getMessage());
        } else {
            log.debug("connection from {} failed: {}", peer == null ? "?" : peer.remote(), cause.toString());
        }
        ctx.close();
    }

    ConnectionInfo info() {
        return new ConnectionInfo(Transport.TCP, peer.local(), peer.remote(), inFlight(), isQuiescing(),
                Duration.ofNanos(System.nanoTime() - openedNanos));
    }

    Peer peer() {
        return peer;
    }
}
