package dev.handoff.nsm.notify;

import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.xdr.NsmCodec;
import dev.handoff.nsm.xdr.NsmProcedures;
import dev.handoff.nsm.xdr.StatChge;
import dev.handoff.rpc.client.PortMapperClient;
import dev.handoff.rpc.client.RpcClient;
import dev.handoff.rpc.client.RpcClientOptions;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sends SM_NOTIFY as sm-notify does: asks the peer's rpcbind (port mapper GETPORT, over UDP) where its statd
 * listens on UDP, then calls SM_NOTIFY there with {@code mon_name} = the name the peer knows us by. Both go out
 * from the target's source address, the VIP the client mounted, since the peer may match and filter on it.
 * Each attempt looks the port up again: the peer's statd may have restarted on another port since.
 *
 * <p>Attempts run on virtual threads; at most {@code maxConcurrent} at once, so that a restart owing notices
 * to thousands of clients does not open thousands of sockets at the same moment.
 */
public final class RpcNotifySender implements NotifySender, AutoCloseable {
    private final RpcClientOptions options;
    private final int rpcbindPort;
    private final Semaphore slots;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("nsm-notify-", 0).factory());

    /**
     * @param options       timeout and retries of each call; the source address is the target's
     * @param rpcbindPort   the peers' rpcbind port: 111, but for tests
     * @param maxConcurrent attempts in flight at once
     */
    public RpcNotifySender(RpcClientOptions options, int rpcbindPort, int maxConcurrent) {
        if (rpcbindPort < 1 || rpcbindPort > 65_535 || maxConcurrent < 1) {
            throw new IllegalArgumentException("bad port " + rpcbindPort + " or concurrency " + maxConcurrent);
        }
        this.options = options;
        this.rpcbindPort = rpcbindPort;
        this.slots = new Semaphore(maxConcurrent);
    }

    /** Port 111; 2 s per try and one retry per call, so an attempt ends within 8 s; 16 attempts at once. */
    public static RpcNotifySender defaults() {
        return new RpcNotifySender(RpcClientOptions.defaults().withTimeout(Duration.ofSeconds(2)).withRetries(1),
                RpcbindProgram.PORT, 16);
    }

    @Override
    public CompletableFuture<Void> send(NotifyTarget target, int state) {
        return CompletableFuture.runAsync(() -> {
            try {
                sendNow(target, state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (IOException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, threads);
    }

    private void sendNow(NotifyTarget target, int state) throws IOException, InterruptedException {
        slots.acquire();
        try {
            // A literal or a recorded address needs no lookup; a host name is resolved now, as sm-notify does.
            InetAddress peer = target.address() != null ? target.address() : InetAddress.getByName(target.peer());
            InetAddress source = target.as().source();
            RpcClientOptions o = source == null ? options : options.withSource(source);
            InetSocketAddress rpcbind = new InetSocketAddress(peer, rpcbindPort);
            int port;
            try (PortMapperClient pmap = new PortMapperClient(RpcClient.udp(rpcbind, o))) {
                port = await(pmap.getPort(NsmProcedures.PROGRAM, NsmProcedures.VERSION, Transport.UDP));
            }
            if (port == 0) {
                throw new StatdNotRegisteredException(rpcbind);
            }
            if (port < 0 || port > 65_535) {
                throw new IOException("rpcbind at " + rpcbind + " gave statd the port " + port);
            }
            try (RpcClient statd = RpcClient.udp(new InetSocketAddress(peer, port), o)) {
                await(statd.call(NsmProcedures.PROGRAM, NsmProcedures.VERSION, NsmProcedures.SM_NOTIFY,
                        NsmCodec::writeStatChge, new StatChge(target.as().name(), state), in -> null));
            }
        } finally {
            slots.release();
        }
    }

    /** The client fails its futures on its own timeout, so waiting without one cannot hang. */
    private static <T> T await(Future<T> call) throws IOException, InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
