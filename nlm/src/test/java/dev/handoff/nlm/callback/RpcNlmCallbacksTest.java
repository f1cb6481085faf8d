package dev.handoff.nlm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.NlmProgram;
import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmResultsCodec;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import dev.handoff.rpc.transport.ListenerGroup;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GRANTED over real sockets on loopback: a client's rpcbind and lockd (a stand-in answering GRANTED) listen on
 * 127.0.0.1; the callback is sent from the "VIP" 127.0.0.2, which the stand-in sees as the caller's address.
 */
class RpcNlmCallbacksTest {
    private static final InetAddress CLIENT = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress VIP = InetAddress.ofLiteral("127.0.0.2");
    private static final Opaque FH = Opaque.ofHex("0102030405");

    private final RpcbindRegistry registry = new RpcbindRegistry();
    private final AtomicReference<NlmStatus> answer = new AtomicReference<>(NlmStatus.GRANTED);
    private final CompletableFuture<String> heard = new CompletableFuture<>();
    private RpcServer client;
    private ListenerGroup endpoints;
    private RpcNlmCallbacks callbacks;

    @BeforeEach
    void startClientLockd() throws Exception {
        NlmArgsCodec args = NlmArgsCodec.NLM4;
        RpcProgram lockd = new RpcProgram(NlmProgram.PROGRAM, "nlockmgr", List.of(new ProgramVersion(4, List.of(
                new Procedure<>(NlmProcedures.GRANTED, "GRANTED", args::readTestArgs, NlmResultsCodec.NLM4::writeResult,
                        (call, a) -> {
                            heard.complete(call.peer().remote().getAddress().getHostAddress() + " "
                                    + a.lock().fh().toHex() + " " + a.lock().svid());
                            return new NlmResult(a.cookie(), answer.get());
                        }, CachePolicy.NONE)))));
        Dispatcher dispatcher = new Dispatcher(List.of(RpcbindProgram.create(registry, InstantSource.system()),
                lockd), ReplyCache.NONE, CallObserver.NONE);
        client = new RpcServer(dispatcher, new RpcServerConfig(List.of(0), RpcServerConfig.DEFAULT_MAX_RECORD, 4, 2,
                1, true), CallObserver.NONE);
        endpoints = client.listen(CLIENT);
    }

    @AfterEach
    void stop() {
        if (callbacks != null) {
            callbacks.close();
        }
        client.close();
    }

    private CompletableFuture<String> grant(CallbackTarget to) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        TestArgs a = new TestArgs(Opaque.ofHex("cafe"), true, new NlmLock("server", FH, Opaque.ofHex("01"), 42, 0, 0));
        callbacks.granted(to, a, new NlmCallbacks.GrantOutcome() {
            @Override
            public void answered(NlmResult result) {
                outcome.complete("answered " + result.status() + " " + result.cookie().toHex());
            }

            @Override
            public void unreachable(String why) {
                outcome.complete("unreachable");
            }
        });
        return outcome;
    }

    /** The GRANTED counters, each result once: they are bumped before the outcome is reported. */
    private String counted() {
        GrantCounters c = callbacks.grantCounters();
        return "accepted=" + c.get(GrantResult.ACCEPTED) + " refused=" + c.get(GrantResult.REFUSED) + " failed="
                + c.get(GrantResult.FAILED);
    }

    private void useRpcbindOf(Duration giveUpAfter) {
        callbacks = new RpcNlmCallbacks(new CallbackPolicy(Duration.ofMillis(300), Duration.ofMillis(50),
                Duration.ofMillis(200), giveUpAfter, 8, endpoints.udpEndpoints().getFirst().getPort()),
                InstantSource.system());
    }

    @Test
    void grantedGoesToTheLockdTheClientsRpcbindNamesFromTheVip() throws Exception {
        registry.set(NlmProgram.PROGRAM, 4, Transport.TCP, endpoints.tcpEndpoints().getFirst(), "lockd");
        useRpcbindOf(Duration.ofSeconds(5));

        String outcome = grant(new CallbackTarget(CLIENT, VIP, 4, Transport.TCP, FH)).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo("answered GRANTED cafe");
        assertThat(heard.get()).isEqualTo("127.0.0.2 " + FH.toHex() + " 42");
        assertThat(counted()).isEqualTo("accepted=1 refused=0 failed=0");
    }

    @Test
    void theClientsRefusalIsReported() throws Exception {
        registry.set(NlmProgram.PROGRAM, 4, Transport.UDP, endpoints.udpEndpoints().getFirst(), "lockd");
        answer.set(NlmStatus.DENIED);
        useRpcbindOf(Duration.ofSeconds(5));

        String outcome = grant(new CallbackTarget(CLIENT, VIP, 4, Transport.UDP, FH)).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo("answered DENIED cafe");
        assertThat(counted()).isEqualTo("accepted=0 refused=1 failed=0");
    }

    @Test
    void aLockdRegisteredOnlyOnTheOtherTransportIsCalledThere() throws Exception {
        registry.set(NlmProgram.PROGRAM, 4, Transport.UDP, endpoints.udpEndpoints().getFirst(), "lockd");
        useRpcbindOf(Duration.ofSeconds(5));

        String outcome = grant(new CallbackTarget(CLIENT, VIP, 4, Transport.TCP, FH)).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo("answered GRANTED cafe");
    }

    @Test
    void aClientWithoutLockdIsUnreachableOnceRetriesRunOut() throws Exception {
        useRpcbindOf(Duration.ofMillis(500));

        String outcome = grant(new CallbackTarget(CLIENT, VIP, 4, Transport.TCP, FH)).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo("unreachable");
        assertThat(heard).isNotDone();
        assertThat(counted()).as("one callback, however many tries").isEqualTo("accepted=0 refused=0 failed=1");
    }

    @Test
    void aVanishedClientHoldsAtMostTheBoundAndTheRestAreDroppedAndCounted() throws Exception {
        // A client that went dark: its rpcbind port takes datagrams and never answers.
        try (java.net.DatagramSocket blackHole = new java.net.DatagramSocket(new java.net.InetSocketAddress(CLIENT, 0))) {
            callbacks = new RpcNlmCallbacks(new CallbackPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(30), 2, blackHole.getLocalPort()), InstantSource.system());
            List<CompletableFuture<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                outcomes.add(grant(new CallbackTarget(CLIENT, VIP, 4, Transport.UDP, FH)));
            }

            assertThat(outcomes.subList(2, 5)).allSatisfy(o -> assertThat(o).isCompletedWithValue("unreachable"));
            assertThat(outcomes.subList(0, 2)).allSatisfy(o -> assertThat(o).isNotDone());
            assertThat(callbacks.outstanding()).isEqualTo(2);
            assertThat(callbacks.dropped()).isEqualTo(3);
            assertThat(counted()).isEqualTo("accepted=0 refused=0 failed=3");
        }
    }
}
