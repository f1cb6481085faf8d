package dev.handoff.rpc.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last pipeline stage of a client socket: hands reply records (TCP records or datagrams) to the client. */
final class ReplyHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);

    private final ClientTransport.Listener listener;
    private final int connection;
    private final boolean stream;

    /** @param stream true for a TCP connection, whose loss the client must hear of */
    ReplyHandler(ClientTransport.Listener listener, int connection, boolean stream) {
        this.listener = listener;
        this.connection = connection;
        this.stream = stream;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            ByteBuf record = msg instanceof DatagramPacket p ? p.content() : (ByteBuf) msg;
            listener.onRecord(record);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (stream) {
            listener.onConnectionLost(connection);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("{} {}: {}", stream ? "connection" : "socket", ctx.channel(), cause.toString());
        // A broken stream (bad framing, reset) cannot be trusted further; a datagram socket outlives a bad packet.
        if (stream) {
            ctx.close();
        }
    }
}
