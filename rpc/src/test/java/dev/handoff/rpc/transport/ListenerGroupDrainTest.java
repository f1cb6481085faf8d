package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Draining one address of a two-address server, over real sockets on two loopback addresses. */
class ListenerGroupDrainTest {
    private final TestPrograms programs = new TestPrograms();
    private RpcServer server;
    private ListenerGroup a;
    private ListenerGroup b;

    @BeforeEach
    void start() throws IOException {
        Dispatcher dispatcher = new Dispatcher(List.of(programs.program()), ReplyCache.NONE, CallObserver.NONE);
        server = new RpcServer(dispatcher, RpcServerConfig.of(List.of(0)), CallObserver.NONE);
        a = server.listen(InetAddress.getByName("127.0.0.2"));
        b = server.listen(InetAddress.getByName("127.0.0.3"));
    }

    @AfterEach
    void stop() {
        programs.releaseSlow.countDown();
        server.close();
    }

    private static InetSocketAddress tcp(ListenerGroup g) {
        return g.tcpEndpoints().getFirst();
    }

    private static int countCall(WireClient c, int xid) throws IOException {
        c.sendRecord(WireClient.call(xid, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.COUNT, new byte[4]));
        ByteBuffer reply = c.readRecord();
        assertThat(reply.getInt(0)).isEqualTo(xid);
        assertThat(reply.getInt(20)).as("accept_stat").isZero();
        return reply.getInt(24);
    }

    @Test
    void drainingOneAddressFinishesItsInFlightCallRefusesNewWorkAndLeavesTheOtherServing() throws Exception {
        InetSocketAddress aListener = tcp(a);
        try (WireClient onA = new WireClient(aListener); WireClient onB = new WireClient(tcp(b))) {
            assertThat(countCall(onB, 100)).isEqualTo(1);

            onA.sendRecord(WireClient.call(1, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.SLOW, new byte[0]));
            assertThat(programs.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(a.inFlight()).isEqualTo(1);

            a.stopAccepting().get(5, TimeUnit.SECONDS);
            a.stopTakingRequests();
            CompletableFuture<Boolean> drained = a.awaitIdle(Duration.ofSeconds(10));

            // New connections to the drained address are refused...
            assertThat(a.tcpEndpoints()).isEmpty();
            assertThatThrownBy(() -> new WireClient(aListener).close()).isInstanceOf(ConnectException.class);
            // ...a request sent on the old connection after the drain began is never executed...
            onA.sendRecord(WireClient.call(2, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.COUNT, new byte[4]));
            // ...and the other address keeps serving while A drains.
            assertThat(countCall(onB, 101)).isEqualTo(2);
            assertThat(drained).isNotDone();

            programs.releaseSlow.countDown();
            ByteBuffer slowReply = onA.readRecord();
            assertThat(slowReply.getInt(0)).isEqualTo(1);
            assertThat(slowReply.getInt(24)).isEqualTo(42);
            assertThat(drained.get(5, TimeUnit.SECONDS)).as("drained before the deadline").isTrue();

            a.halfClose().get(5, TimeUnit.SECONDS);
            assertThat(onA.closedByServer()).as("FIN after the last reply").isTrue();
            assertThat(programs.counted.get()).as("call sent after the drain began ran").isEqualTo(2);
            assertThat(countCall(onB, 102)).isEqualTo(3);
        }
        a.close().get(5, TimeUnit.SECONDS);
        try (WireClient onB = new WireClient(tcp(b))) {
            assertThat(countCall(onB, 103)).isEqualTo(4);
        }
    }

    @Test
    void drainDeadlinePassesWhenACallNeverFinishes() throws Exception {
        try (WireClient onA = new WireClient(tcp(a))) {
            onA.sendRecord(WireClient.call(1, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.SLOW, new byte[0]));
            assertThat(programs.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(a.drain(Duration.ofMillis(200)).get(5, TimeUnit.SECONDS)).isFalse();
            a.abort().get(5, TimeUnit.SECONDS);
            assertThat(onA.closedByServer()).isTrue();
        }
    }

    @Test
    void listsLiveConnectionsPerAddress() throws Exception {
        try (WireClient one = new WireClient(tcp(a)); WireClient two = new WireClient(tcp(a))) {
            assertThat(countCall(one, 1)).isEqualTo(1);
            assertThat(countCall(two, 2)).isEqualTo(2);
            assertThat(a.connections()).hasSize(2)
                    .allSatisfy(c -> assertThat(c.local().getAddress().getHostAddress()).isEqualTo("127.0.0.2"))
                    .extracting(c -> c.remote().getPort())
                    .containsExactlyInAnyOrder(one.socket.getLocalPort(), two.socket.getLocalPort());
            assertThat(b.connections()).isEmpty();
        }
    }
}
