package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.CallObserver;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the server has open on one local address: its TCP listeners, its UDP sockets and the connections
 * accepted on it. A VIP leaves a node through these steps, each one on its own so the failover logic can order
 * them (DESIGN.md §1):
 * <pre>
 *   stopAccepting()      close this address's TCP listeners; other addresses keep theirs
 *   stopTakingRequests() connections and UDP sockets read nothing more; what arrives is never executed
 *   awaitIdle(deadline)  until every call already taken has written its reply, or the deadline
 *   halfClose()          send FIN on every connection (the peer sees end of stream, replies already sent)
 *   close() / abort()    close everything on the address; abort resets the connections (RST)
 * </pre>
 */
public final class ListenerGroup {
    private final InetAddress address;
    private final EventLoopGroup loops;
    private final CallObserver observer;
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();
    private final List<Channel> datagramSockets = new CopyOnWriteArrayList<>();
    private final List<UdpSocket> udpHandlers = new CopyOnWriteArrayList<>();
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<CompletableFuture<Boolean>> idleWaiters = new ArrayList<>();
    private final ConnectionListener connectionListener;
    private final ConnectionAdmission admission;
    private final LimitCounts limitCounts;
    private volatile boolean quiescing;

    ListenerGroup(InetAddress address, EventLoopGroup loops, CallObserver observer,
                  ConnectionListener connectionListener, ConnectionAdmission admission, LimitCounts limitCounts) {
        this.admission = admission;
        this.limitCounts = limitCounts;
        this.address = address;
        this.loops = loops;
        this.observer = observer;
        this.connectionListener = connectionListener;
    }

    public InetAddress address() {
        return address;
    }

    CallObserver observer() {
        return observer;
    }

    LimitCounts limitCounts() {
        return limitCounts;
    }

    void addListener(Channel ch) {
        listeners.add(ch);
    }

    void addDatagramSocket(Channel ch, UdpSocket handler) {
        datagramSockets.add(ch);
        udpHandlers.add(handler);
    }

    /** Counts {@code c} against the connection limits; the reason it is refused, or null. */
    String admit(TcpConnection c) {
        return admission.admit(c.peer().remote().getAddress());
    }

    void register(TcpConnection c) {
        connections.add(c);
        // A connection accepted while the group began to quiesce must not slip through.
        if (quiescing) {
            c.quiesce();
        }
        connectionListener.opened(c.info());
    }

    void unregister(TcpConnection c) {
        if (connections.remove(c)) {
            admission.release(c.peer().remote().getAddress());
            connectionListener.closed(c.info());
        }
    }

    void callStarted() {
        inFlight.incrementAndGet();
    }

    void callFinished() {
        if (inFlight.decrementAndGet() == 0) {
            completeIdleWaiters(true);
        }
    }

    /** Bound TCP listening addresses (with the real ports when 0 was configured). */
    public List<InetSocketAddress> tcpEndpoints() {
        return listeners.stream().map(ch -> (InetSocketAddress) ch.localAddress()).toList();
    }

    public List<InetSocketAddress> udpEndpoints() {
        return datagramSockets.stream().map(ch -> (InetSocketAddress) ch.localAddress()).toList();
    }

    public List<ConnectionInfo> connections() {
        return connections.stream().map(TcpConnection::info).toList();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public boolean isQuiescing() {
        return quiescing;
    }

    /** Stage 1a: refuse new TCP connections on this address (a SYN now gets RST). */
    public CompletableFuture<Void> stopAccepting() {
        List<ChannelFuture> closing = listeners.stream().map(Channel::close).toList();
        listeners.clear();
        return allOf(closing);
    }

    /** Stage 1b: take no further requests on this address's connections and UDP sockets. */
    public void stopTakingRequests() {
        quiescing = true;
        connections.forEach(TcpConnection::quiesce);
        udpHandlers.forEach(UdpSocket::quiesce);
    }

    /**
     * Stage 1c: completes with true once every call already taken on this address has written its reply, or
     * with false when {@code deadline} passes first (a slow disk or a client that stopped reading).
     */
    public CompletableFuture<Boolean> awaitIdle(Duration deadline) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        synchronized (idleWaiters) {
            if (inFlight.get() == 0) {
                return CompletableFuture.completedFuture(true);
            }
            idleWaiters.add(done);
        }
        var timer = loops.next().schedule(() -> done.complete(false), deadline.toNanos(), TimeUnit.NANOSECONDS);
        done.whenComplete((ok, err) -> timer.cancel(false));
        return done;
    }

    private void completeIdleWaiters(boolean idle) {
        List<CompletableFuture<Boolean>> waiting;
        synchronized (idleWaiters) {
            if (inFlight.get() != 0 && idle) {
                return;
            }
            waiting = List.copyOf(idleWaiters);
            idleWaiters.clear();
        }
        waiting.forEach(f -> f.complete(idle));
    }

    /** Stops accepting and taking requests, then waits for in-flight calls: stage 1 of a handoff in one call. */
    public CompletableFuture<Boolean> drain(Duration deadline) {
        return stopAccepting().thenCompose(v -> {
            stopTakingRequests();
            return awaitIdle(deadline);
        });
    }

    /** Sends FIN on every connection of this address; the sockets stay open for the peer's last bytes. */
    public CompletableFuture<Void> halfClose() {
        return allOf(connections.stream()
                .map(c -> c.channel instanceof DuplexChannel d ? d.shutdownOutput() : c.channel.close())
                .toList());
    }

    /** Closes everything on this address: listeners, UDP sockets, connections (FIN, or RST if unread data). */
    public CompletableFuture<Void> close() {
        quiescing = true;
        List<ChannelFuture> closing = new ArrayList<>();
        listeners.forEach(ch -> closing.add(ch.close()));
        datagramSockets.forEach(ch -> closing.add(ch.close()));
        connections.forEach(c -> closing.add(c.channel.close()));
        listeners.clear();
        datagramSockets.clear();
        return allOf(closing);
    }

    /** Like {@link #close}, but every connection is reset (SO_LINGER 0), so peers notice at once. */
    public CompletableFuture<Void> abort() {
        connections.forEach(c -> c.channel.config().setOption(ChannelOption.SO_LINGER, 0));
        return close();
    }

    private static CompletableFuture<Void> allOf(List<ChannelFuture> futures) {
        CompletableFuture<?>[] all = futures.stream().map(ListenerGroup::toCompletable)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all);
    }

    private static CompletableFuture<Void> toCompletable(ChannelFuture f) {
        CompletableFuture<Void> c = new CompletableFuture<>();
        // A close that fails still leaves nothing to wait for.
        f.addListener(x -> c.complete(null));
        return c;
    }
}
