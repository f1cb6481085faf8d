package dev.handoff.rpc.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.bootstrap.AbstractBootstrap;

/**
 * Netty's native epoll transport where it loads (it can bind addresses that are not up yet, IP_FREEBIND, so a
 * node can listen on a VIP before the VIP arrives), NIO elsewhere.
 */
public final class NettyTransport {
    public static final boolean EPOLL = Epoll.isAvailable();

    private NettyTransport() {
    }

    public static EventLoopGroup eventLoops(int threads) {
        IoHandlerFactory factory = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    /** Event loops that poll briefly before sleeping ({@link BriefSpin}); for the server's connections. */
    static EventLoopGroup spinningEventLoops(int threads, java.time.Duration window,
                                             java.util.function.BooleanSupplier mayPoll) {
        io.netty.channel.SelectStrategyFactory spin = () -> new BriefSpin(window, mayPoll, System::nanoTime);
        IoHandlerFactory factory = EPOLL ? EpollIoHandler.newFactory(0, spin)
                : NioIoHandler.newFactory(java.nio.channels.spi.SelectorProvider.provider(), spin);
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    public static Class<? extends ServerChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends Channel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends Channel> datagramChannel() {
        return EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /** Lets a listener bind an address this host does not have yet. */
    public static void freeBind(AbstractBootstrap<?, ?> bootstrap) {
        if (EPOLL) {
            bootstrap.option(EpollChannelOption.IP_FREEBIND, true);
        }
        bootstrap.option(ChannelOption.SO_REUSEADDR, true);
    }
}
