package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connections past the per-client or the total limit are reset as they arrive; the others are served. */
class ConnectionLimitsTest {
    private static final InetAddress CLIENT_A = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress CLIENT_B = InetAddress.ofLiteral("127.0.0.2");
    private static final InetAddress CLIENT_C = InetAddress.ofLiteral("127.0.0.3");

    @Test
    void aClientPastItsLimitOrTheServerPastItsTotalIsResetAndTheOthersAreServed() throws Exception {
        TestPrograms programs = new TestPrograms();
        List<String> dropped = new CopyOnWriteArrayList<>();
        CallObserver observer = new CallObserver() {
            @Override
            public void onCall(Peer peer, int program, int version, dev.handoff.rpc.dispatch.Procedure<?, ?> p,
                               dev.handoff.rpc.message.RpcReply reply, long nanos) {
            }

            @Override
            public void onDropped(Peer peer, String reason) {
                dropped.add(peer.remote().getAddress().getHostAddress() + ": " + reason);
            }
        };
        Dispatcher dispatcher = new Dispatcher(List.of(programs.program()), ReplyCache.NONE, observer);
        try (RpcServer server = new RpcServer(dispatcher, RpcServerConfig.of(List.of(0)), observer)) {
            server.connectionLimits(new ConnectionLimits(3, 2));
            InetSocketAddress at = server.listen(InetAddress.getLoopbackAddress()).tcpEndpoints().getFirst();
            try (WireClient a1 = new WireClient(at, CLIENT_A); WireClient a2 = new WireClient(at, CLIENT_A)) {
                assertThat(answers(a1, 1)).isTrue();
                assertThat(answers(a2, 2)).isTrue();
                assertThat(refused(at, CLIENT_A)).as("a third connection from one client").isTrue();
                try (WireClient b1 = new WireClient(at, CLIENT_B)) {
                    assertThat(answers(b1, 3)).as("another client, within the total").isTrue();
                    assertThat(refused(at, CLIENT_C)).as("a fourth connection in all").isTrue();
                }
                // b1 closed: room again for another client.
                Thread.sleep(200);
                try (WireClient c2 = new WireClient(at, CLIENT_C)) {
                    assertThat(answers(c2, 4)).isTrue();
                }
                assertThat(answers(a1, 5)).as("the first client's connections go on").isTrue();
            }
            assertThat(server.limitCounts().connectionsPerClient()).isEqualTo(1);
            assertThat(server.limitCounts().connections()).isEqualTo(1);
        }
        assertThat(dropped).containsExactly("127.0.0.1: connection limit: 2 connections from 127.0.0.1",
                "127.0.0.3: connection limit: 3 connections in all");
    }

    /** The reset can come before the client's connect returns, or as its first read. */
    private static boolean refused(InetSocketAddress at, InetAddress from) throws Exception {
        try (WireClient c = new WireClient(at, from)) {
            return c.closedByServer();
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static boolean answers(WireClient c, int xid) throws Exception {
        c.sendRecord(WireClient.call(xid, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.COUNT, new byte[0]));
        return c.readRecord().getInt(0) == xid;
    }
}
