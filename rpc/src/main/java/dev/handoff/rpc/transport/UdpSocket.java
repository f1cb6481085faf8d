package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Transport;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/** A bound UDP socket: each datagram is one record (no record marking), answered from the same socket. */
final class UdpSocket extends CallChannel {
    private InetSocketAddress local;

    private final int maxRecordSize;

    UdpSocket(ListenerGroup group, Dispatcher dispatcher, WorkerPool workers, InlineCallGuard inline, int maxInFlight,
              int maxRecordSize) {
        super(group, dispatcher, workers, inline, maxInFlight);
        this.maxRecordSize = maxRecordSize;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        local = (InetSocketAddress) channel.localAddress();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        InetSocketAddress sender = packet.sender();
        InetSocketAddress recipient = packet.recipient() != null ? packet.recipient() : local;
        Peer peer = new Peer(Transport.UDP, recipient, sender);
        if (packet.content().readableBytes() > maxRecordSize) {
            // The same limit as on TCP; a datagram has no connection to close, so it is dropped alone.
            group.limitCounts().recordTooLarge();
            group.observer().onDropped(peer, "record too large: " + packet.content().readableBytes() + " bytes");
            packet.release();
            return;
        }
        submit(packet.content(), peer, reply -> channel.writeAndFlush(new DatagramPacket(reply, sender))
                .addListener(f -> finished()));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A datagram socket survives a bad packet; nothing to close.
    }
}
