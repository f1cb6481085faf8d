package dev.handoff.nsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.notify.RpcNotifySender;
import dev.handoff.nsm.notify.StatdNotRegisteredException;
import dev.handoff.nsm.state.Monitor;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.MemoryNsmStore;
import dev.handoff.nsm.store.NsmStore;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.client.RpcClientOptions;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SM_NOTIFY over real UDP sockets on loopback: our monitor restarts and tells a peer, whose rpcbind and statd
 * (this module's own, as a client's statd would be) listen on 127.0.0.1, sending from the "VIP" 127.0.0.2. The
 * peer monitors us by that address and sees a notice carrying our host name, so it can only match the notice by
 * the address it came from: the source address was used.
 */
class NotifyOverSocketsTest {
    private static final InetAddress PEER = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress VIP = InetAddress.ofLiteral("127.0.0.2");
    private static final MyId PEER_LOCKD = new MyId("peer", 100_021, 4, 16);
    private static final Opaque PRIV = Opaque.ofHex("00112233445566778899aabbccddeeff");
    private static final RpcClientOptions OPTIONS = RpcClientOptions.defaults().withTimeout(Duration.ofMillis(500))
            .withRetries(2);

    private final RpcbindRegistry registry = new RpcbindRegistry();
    private final CompletableFuture<String> peerHeard = new CompletableFuture<>();
    private NsmService peerNsm;
    private RpcServer peerServer;
    private InetSocketAddress peerUdp;
    private Notifier notifier;

    private static Notifier unused() {
        return new Notifier((t, s) -> CompletableFuture.failedFuture(new IOException("unused")),
                (d, task) -> () -> { }, InstantSource.system(), RetryPolicy.defaults());
    }

    @BeforeEach
    void startPeer() throws IOException {
        peerNsm = NsmService.start(NsmConfig.defaults(ServerName.host("peer")), NsmStore.inMemory(), unused(),
                InstantSource.system());
        peerNsm.register(PEER_LOCKD, (name, state, priv) -> peerHeard.complete(name + " " + state + " "
                + priv.toHex()));
        // The peer's lockd had a lock on our VIP, and so asked its statd to watch it.
        peerNsm.monitor(new Mon(new MonId(VIP.getHostAddress(), PEER_LOCKD), PRIV), null,
                ServerName.host("peer"));

        Dispatcher dispatcher = new Dispatcher(List.of(RpcbindProgram.create(registry, InstantSource.system()),
                NsmProgram.create(peerNsm)), ReplyCache.NONE, CallObserver.NONE);
        peerServer = new RpcServer(dispatcher, new RpcServerConfig(List.of(0), RpcServerConfig.DEFAULT_MAX_RECORD,
                4, 2, 1, true), CallObserver.NONE);
        peerUdp = peerServer.listen(PEER).udpEndpoints().getFirst();
    }

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.close();
        }
        peerServer.close();
    }

    @Test
    void aRestartedServerTellsAClientsStatdFoundThroughItsRpcbindFromTheVip() throws Exception {
        registry.set(NsmProgram.PROGRAM, NsmProgram.VERSION, Transport.UDP, peerUdp, "statd");
        Monitor lockHolder = new Monitor(new MonId(PEER.getHostAddress(), new MyId("handoff", 100_021, 4, 16)),
                PRIV, PEER, List.of(new ServerName("nfs.example", VIP)), 0, Instant.EPOCH);
        NsmStore saved = new MemoryNsmStore(new NsmSnapshot(7, List.of(lockHolder), List.of()));
        // rpcbind and statd share the peer's one port here; a real peer has rpcbind on 111.
        notifier = Notifier.create(new RpcNotifySender(OPTIONS, peerUdp.getPort(), 4),
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20)),
                InstantSource.system());

        NsmService ours = NsmService.start(NsmConfig.defaults(ServerName.host("nfs.example")), saved, notifier,
                InstantSource.system());

        assertThat(ours.state()).isEqualTo(9);
        assertThat(peerHeard.get(10, TimeUnit.SECONDS)).isEqualTo("127.0.0.2 9 " + PRIV.toHex());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ours.pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ours.pending()).as("the acknowledged peer leaves the list").isEmpty();
        assertThat(saved.load().pending()).isEmpty();
    }

    @Test
    void aPeerWhoseRpcbindHasNoStatdFailsTheAttemptWithThatReason() throws Exception {
        try (RpcNotifySender sender = new RpcNotifySender(OPTIONS, peerUdp.getPort(), 1)) {
            NotifyTarget target = new NotifyTarget("127.0.0.1", null, ServerName.of(VIP));
            assertThatThrownBy(() -> sender.send(target, 9).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StatdNotRegisteredException.class);
        }
    }
}
