package dev.handoff.rpc.client;

import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound ONC RPC calls (RFC 5531) to one server over TCP or UDP. Each call gets a fresh xid and keeps it for
 * all its tries; replies are matched by xid. A try that sees no reply within the timeout is sent again (UDP:
 * the same datagram; TCP: on the same connection, or on a new one when it broke, at once), until the retries run
 * out. The future then fails with {@link TimeoutException}, or with the last connection error.
 *
 * <p>A non-SUCCESS reply fails the call with {@link RpcException}; a result that does not decode fails it with
 * the {@link dev.handoff.rpc.xdr.XdrException}. Futures complete on virtual threads, not on the event loop.
 */
public final class RpcClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RpcClient.class);
    private static final Executor COMPLETIONS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rpc-client-reply-", 0).factory());
    private static final long CLOSE_WAIT_SECONDS = 5;

    private interface TransportOpener {
        ClientTransport open(EventLoop loop, ClientTransport.Listener listener) throws IOException;
    }

    private final InetSocketAddress remote;
    private final RpcClientOptions options;
    private final String protocol;
    private final EventLoop loop;
    private final ClientTransport transport;
    /** Calls awaiting replies, by xid; event loop only. */
    private final Map<Integer, PendingCall<?>> pending = new HashMap<>();
    private final AtomicInteger nextXid = new AtomicInteger(ThreadLocalRandom.current().nextInt());
    private final AtomicBoolean closed = new AtomicBoolean();

    private RpcClient(InetSocketAddress remote, RpcClientOptions options, String protocol, TransportOpener opener)
            throws IOException {
        this.remote = remote;
        this.options = options;
        this.protocol = protocol;
        this.loop = ClientEventLoops.acquire().next();
        try {
            this.transport = opener.open(loop, new ClientTransport.Listener() {
                @Override
                public void onRecord(ByteBuf record) {
                    RpcClient.this.onRecord(record);
                }

                @Override
                public void onConnectionLost(int connection) {
                    RpcClient.this.onConnectionLost(connection);
                }
            });
        } catch (IOException | RuntimeException e) {
            ClientEventLoops.release();
            throw e;
        }
    }

    /** A client that connects to {@code remote} when its first call is made. */
    public static RpcClient tcp(InetSocketAddress remote, RpcClientOptions options) {
        try {
            return new RpcClient(remote, options, "tcp",
                    (loop, listener) -> new TcpClientTransport(loop, remote, options, listener));
        } catch (IOException e) {
            throw new AssertionError("opening a TCP client does no I/O", e);
        }
    }

    /** A client on a UDP socket bound now (to the source address, if one is given); not on an event loop. */
    public static RpcClient udp(InetSocketAddress remote, RpcClientOptions options) throws IOException {
        return new RpcClient(remote, options, "udp",
                (loop, listener) -> UdpClientTransport.bind(loop, remote, options, listener));
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public RpcClientOptions options() {
        return options;
    }

    /** Calls procedure 0, which every program has, to see that the server answers. */
    public CompletableFuture<Void> ping(int program, int version) {
        return call(program, version, 0, XdrWriter.nothing(), null, in -> null);
    }

    public <A, R> CompletableFuture<R> call(int program, int version, int procedure, XdrWriter<A> args, A value,
                                           XdrReader<R> result) {
        CompletableFuture<R> future = new CompletableFuture<>();
        int xid = nextXid.getAndIncrement();
        String name = protocol + " " + remote + " " + Integer.toUnsignedString(program) + "/" + version + "/"
                + procedure;
        byte[] record;
        try {
            record = encode(xid, program, version, procedure, args, value);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return future;
        }
        PendingCall<R> call = new PendingCall<>(xid, name, record, result, future);
        try {
            loop.execute(() -> start(call));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new IOException(name + ": client is closed"));
        }
        return future;
    }

    private <A> byte[] encode(int xid, int program, int version, int procedure, XdrWriter<A> args, A value) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            XdrEncoder out = new XdrEncoder(buf);
            RpcMessageCodec.encodeCall(out, xid, program, version, procedure, options.credential());
            args.write(out, value);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private void start(PendingCall<?> call) {
        if (closed.get()) {
            fail(call, new IOException(call.name + ": client is closed"));
            return;
        }
        pending.put(call.xid, call);
        attempt(call);
    }

    /** Starts the next try of {@code call}, or fails it when none is left. Event loop only. */
    private void attempt(PendingCall<?> call) {
        if (pending.get(call.xid) != call) {
            return;
        }
        call.cancelTimer();
        if (call.future.isDone()) {
            // Cancelled by the caller: stop retransmitting.
            pending.remove(call.xid);
            return;
        }
        if (call.tries > options.retries()) {
            pending.remove(call.xid);
            fail(call, call.lastFailure != null ? call.lastFailure : new TimeoutException(call.name
                    + ": no reply to " + call.tries + " tries of " + options.timeout().toMillis() + " ms"));
            return;
        }
        int thisTry = ++call.tries;
        call.lastFailure = null;
        call.timer = loop.schedule(() -> {
            if (call.tries == thisTry) {
                attempt(call);
            }
        }, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        call.connection = transport.send(call.record, cause -> {
            if (call.tries == thisTry) {
                call.lastFailure = cause;
            }
        });
    }

    private void onConnectionLost(int connection) {
        if (closed.get()) {
            return;
        }
        // Their replies died with the connection: resend now rather than wait out the timeout.
        for (PendingCall<?> call : new ArrayList<>(pending.values())) {
            if (call.connection == connection) {
                call.lastFailure = new IOException(call.name + ": connection closed");
                attempt(call);
            }
        }
    }

    private void onRecord(ByteBuf record) {
        int at = record.readerIndex();
        if (record.readableBytes() < 8 || record.getInt(at + 4) != RpcMessageCodec.REPLY) {
            log.debug("{} {}: ignoring a record that is not a reply", protocol, remote);
            return;
        }
        PendingCall<?> call = pending.remove(record.getInt(at));
        if (call == null) {
            // The reply to an earlier try of a call already answered, or to a call given up on.
            log.debug("{} {}: reply to unknown xid {}", protocol, remote, Integer.toUnsignedString(record.getInt(at)));
            return;
        }
        call.cancelTimer();
        finish(call, record);
    }

    private static <R> void finish(PendingCall<R> call, ByteBuf record) {
        try {
            XdrDecoder in = new XdrDecoder(record);
            RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
            if (header.status() instanceof RpcReply.Success<?>) {
                R value = call.result.read(in);
                COMPLETIONS.execute(() -> call.future.complete(value));
            } else {
                fail(call, new RpcException(call.name, header.status()));
            }
        } catch (RuntimeException e) {
            fail(call, e);
        }
    }

    private static void fail(PendingCall<?> call, Throwable cause) {
        COMPLETIONS.execute(() -> call.future.completeExceptionally(cause));
    }

    /** Fails the calls still waiting, closes the socket and waits (a few seconds at most) until it is closed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<ChannelFuture> socket = new CompletableFuture<>();
        Runnable shutdown = () -> {
            for (PendingCall<?> call : pending.values()) {
                call.cancelTimer();
                fail(call, new IOException(call.name + ": client closed"));
            }
            pending.clear();
            socket.complete(transport.close());
        };
        try {
            if (loop.inEventLoop()) {
                shutdown.run();
            } else {
                loop.execute(shutdown);
                ChannelFuture closing = socket.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                if (closing != null) {
                    closing.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("{} {}: closing did not finish", protocol, remote, e);
        } finally {
            ClientEventLoops.release();
        }
    }
}
