package dev.handoff.rpc.client;

import dev.handoff.rpc.transport.NettyTransport;
import dev.handoff.rpc.transport.RecordMarkingDecoder;
import dev.handoff.rpc.transport.RecordMarkingEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * One TCP connection at a time (RFC 5531 §11 record marking), opened when a call needs it and opened again
 * after it breaks. Connections are numbered so that the client can tell which calls a broken one took along.
 */
final class TcpClientTransport implements ClientTransport {
    private final EventLoop loop;
    private final InetSocketAddress remote;
    private final RpcClientOptions options;
    private final Listener listener;
    private ChannelFuture connection;
    private int connectionNumber;

    TcpClientTransport(EventLoop loop, InetSocketAddress remote, RpcClientOptions options, Listener listener) {
        this.loop = loop;
        this.remote = remote;
        this.options = options;
        this.listener = listener;
    }

    @Override
    public int send(byte[] record, Consumer<Throwable> onFailure) {
        if (connection == null || (connection.isDone() && !connection.channel().isActive())) {
            connection = connect(++connectionNumber);
        }
        ChannelFuture c = connection;
        c.addListener(connected -> {
            if (!connected.isSuccess()) {
                onFailure.accept(connected.cause());
                return;
            }
            c.channel().writeAndFlush(Unpooled.wrappedBuffer(record)).addListener(written -> {
                if (!written.isSuccess()) {
                    onFailure.accept(written.cause());
                }
            });
        });
        return connectionNumber;
    }

    private ChannelFuture connect(int number) {
        Bootstrap b = new Bootstrap().group(loop).channel(NettyTransport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(options.timeout().toMillis(),
                        Integer.MAX_VALUE))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new RecordMarkingDecoder(options.maxReplySize()),
                                RecordMarkingEncoder.INSTANCE, new ReplyHandler(listener, number, true));
                    }
                });
        if (options.source() == null) {
            return b.connect(remote);
        }
        // A fixed source port must be reusable at once after a reconnect.
        b.option(ChannelOption.SO_REUSEADDR, true);
        return b.connect(remote, options.source());
    }

    @Override
    public ChannelFuture close() {
        return connection == null ? null : connection.channel().close();
    }
}
