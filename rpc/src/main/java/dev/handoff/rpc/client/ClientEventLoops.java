package dev.handoff.rpc.client;

import dev.handoff.rpc.transport.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One event loop thread shared by every open client: the NSM notifier may hold a client per monitored host,
 * and a thread each would be wasteful for calls that are rare and small. Counted, so that the thread ends when
 * the last client closes.
 */
final class ClientEventLoops {
    private static EventLoopGroup group;
    private static int users;

    private ClientEventLoops() {
    }

    static synchronized EventLoopGroup acquire() {
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("rpc-client", true),
                    NettyTransport.EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        }
        users++;
        return group;
    }

    static synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("released more often than acquired");
        }
        if (--users == 0) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
        }
    }
}
