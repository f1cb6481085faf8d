package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.FixedRecvByteBufAllocator;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONC RPC server: every configured port on TCP and UDP, per local address, each address a
 * {@link ListenerGroup} that can be drained and closed alone. Calls run on a pool of platform threads (handlers
 * block on disk and switch the thread's fsuid), except a lone call to a quick procedure, which runs on the event
 * loop that read it ({@link CallChannel}); the event loops poll briefly before sleeping ({@link BriefSpin}).
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RpcServer.class);
    /** Flushes merged at most before one is let through while a read is in progress (Netty's default). */
    private static final int MAX_FLUSHES_CONSOLIDATED = 256;
    /**
     * Netty's pooled allocator, not 4.2's adaptive default: that one pools buffers only below about 1 MiB, and a
     * 1 MiB WRITE's record or READ's reply is just above, so each was a fresh direct buffer, zeroed by the JVM
     * (12% of a 1 MiB WRITE run's CPU). The pooled allocator keeps buffers up to its 4 MiB chunks.
     */
    private static final ByteBufAllocator BUFFERS = PooledByteBufAllocator.DEFAULT;

    private final Dispatcher dispatcher;
    private final RpcServerConfig config;
    private final CallObserver observer;
    private final EventLoopGroup bossLoop;
    private final EventLoopGroup ioLoops;
    private final WorkerPool workers;
    /** Null when calls never run on an event loop ({@link RpcServerConfig#inlineCalls}). */
    private final InlineCallGuard inline;
    private final Map<InetAddress, ListenerGroup> groups = new ConcurrentHashMap<>();
    private volatile ConnectionListener connectionListener = ConnectionListener.NONE;
    private final LimitCounts limitCounts = new LimitCounts();
    private final ConnectionAdmission admission = new ConnectionAdmission(limitCounts);

    public RpcServer(Dispatcher dispatcher, RpcServerConfig config, CallObserver observer) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.observer = observer;
        this.bossLoop = NettyTransport.eventLoops(1);
        this.workers = new WorkerPool(Executors.newFixedThreadPool(config.workerThreads(),
                platformThreads("rpc-worker")));
        this.ioLoops = NettyTransport.spinningEventLoops(config.ioThreads(), BriefSpin.WINDOW, workers::idle);
        this.inline = config.inlineCalls() ? InlineCallGuard.defaults() : null;
    }

    public RpcServerConfig config() {
        return config;
    }

    /** How often each per-peer limit was met since the start. */
    public LimitCounts limitCounts() {
        return limitCounts;
    }

    /**
     * How many times calls were sent back to worker threads for a while because one run on an event loop was slow
     * (see {@link InlineCallGuard}); 0 when calls never run there.
     */
    public long inlinePauses() {
        return inline == null ? 0 : inline.pauses();
    }

    /** TCP connections open now, on every address. */
    public int connectionCount() {
        return admission.total();
    }

    /** How many connections to keep, in all and per client address (default {@link ConnectionLimits#DEFAULT}). */
    public void connectionLimits(ConnectionLimits limits) {
        admission.limits(java.util.Objects.requireNonNull(limits, "limits"));
    }

    /** Who hears of connections opening and closing on addresses listened on from now on. */
    public void connectionListener(ConnectionListener listener) {
        this.connectionListener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * Binds every configured port on {@code address}, TCP and UDP. The address need not be up yet where epoll
     * is available (IP_FREEBIND). On failure nothing stays bound and the exception names the port.
     */
    public ListenerGroup listen(InetAddress address) throws IOException {
        if (groups.containsKey(address)) {
            throw new IllegalStateException("already listening on " + address.getHostAddress());
        }
        ListenerGroup group = new ListenerGroup(address, ioLoops, observer, connectionListener, admission,
                limitCounts);
        try {
            for (int port : config.ports()) {
                group.addListener(bindTcp(group, new InetSocketAddress(address, port)));
                UdpSocket handler = new UdpSocket(group, dispatcher, workers, inline, config.maxInFlightPerConnection(),
                        Math.min(config.maxRecordSize(), RpcServerConfig.MAX_DATAGRAM));
                group.addDatagramSocket(bindUdp(handler, new InetSocketAddress(address, port)), handler);
            }
        } catch (IOException | RuntimeException e) {
            group.close().join();
            throw e;
        }
        groups.put(address, group);
        log.info("listening on {} tcp {} udp {}", address.getHostAddress(), ports(group.tcpEndpoints()),
                ports(group.udpEndpoints()));
        return group;
    }

    private static List<Integer> ports(List<InetSocketAddress> endpoints) {
        return endpoints.stream().map(InetSocketAddress::getPort).toList();
    }

    private Channel bindTcp(ListenerGroup group, InetSocketAddress at) throws IOException {
        ServerBootstrap b = new ServerBootstrap()
                .group(bossLoop, ioLoops)
                .channel(NettyTransport.serverSocketChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, true)
                .childOption(ChannelOption.ALLOCATOR, BUFFERS)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // Replies come from many workers; one writev per event-loop turn instead of one per reply
                        // (a LOOKUP profile at 32 in flight spent 15% of the server's CPU in per-reply writev).
                        ch.pipeline().addLast("flushes", new FlushConsolidationHandler(MAX_FLUSHES_CONSOLIDATED, true))
                                .addLast("framing", new RecordMarkingDecoder(config.maxRecordSize()))
                                .addLast("marking", RecordMarkingEncoder.INSTANCE)
                                .addLast("calls", new TcpConnection(group, dispatcher, workers, inline,
                                        config.maxInFlightPerConnection()));
                    }
                });
        NettyTransport.freeBind(b);
        return bind(b.bind(at).awaitUninterruptibly(), at, "tcp");
    }

    private Channel bindUdp(UdpSocket handler, InetSocketAddress at) throws IOException {
        Bootstrap b = new Bootstrap()
                .group(ioLoops)
                .channel(NettyTransport.datagramChannel())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RpcServerConfig.MAX_DATAGRAM))
                .option(ChannelOption.ALLOCATOR, BUFFERS)
                .handler(handler);
        NettyTransport.freeBind(b);
        return bind(b.bind(at).awaitUninterruptibly(), at, "udp");
    }

    private static Channel bind(io.netty.channel.ChannelFuture f, InetSocketAddress at, String proto)
            throws IOException {
        if (f.isSuccess()) {
            return f.channel();
        }
        String where = at.getAddress().getHostAddress() + " " + proto + " port " + at.getPort();
        Throwable cause = f.cause();
        if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("in use")) {
            throw new BindException("cannot listen on " + where + ": address in use (another server there?)");
        }
        throw new IOException("cannot listen on " + where + ": " + cause.getMessage(), cause);
    }

    public Optional<ListenerGroup> group(InetAddress address) {
        return Optional.ofNullable(groups.get(address));
    }

    public List<ListenerGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** Forgets a group that its owner has closed (after a VIP left this node). */
    public void remove(ListenerGroup group) {
        groups.remove(group.address(), group);
    }

    @Override
    public void close() {
        groups.values().forEach(g -> g.close().join());
        groups.clear();
        workers.shutdown(java.time.Duration.ofSeconds(5));
        bossLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        ioLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static ThreadFactory platformThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = Thread.ofPlatform().name(prefix + "-" + n.incrementAndGet()).daemon(true).unstarted(r);
            return t;
        };
    }
}
