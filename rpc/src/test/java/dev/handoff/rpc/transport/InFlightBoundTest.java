package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A connection never has more calls executing than its bound; the rest wait in the socket, unread. */
class InFlightBoundTest {

    @Test
    void callsBeyondTheBoundWaitUntilOneFinishes() throws Exception {
        TestPrograms programs = new TestPrograms();
        Dispatcher dispatcher = new Dispatcher(List.of(programs.program()), ReplyCache.NONE, CallObserver.NONE);
        try (RpcServer server = new RpcServer(dispatcher,
                RpcServerConfig.of(List.of(0)).withMaxInFlightPerConnection(2), CallObserver.NONE)) {
            ListenerGroup g = server.listen(InetAddress.getLoopbackAddress());
            try (WireClient c = new WireClient(g.tcpEndpoints().getFirst())) {
                for (int xid = 1; xid <= 5; xid++) {
                    c.sendRecord(WireClient.call(xid, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.SLOW,
                            new byte[0]));
                }
                assertThat(programs.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
                // Give the event loop every chance to (wrongly) read further calls.
                Thread.sleep(300);
                assertThat(g.inFlight()).as("calls executing on one connection").isEqualTo(2);
                assertThat(g.connections().getFirst().inFlight()).isEqualTo(2);
                assertThat(server.limitCounts().inFlightPerConnection()).as("times reading paused").isEqualTo(1);

                programs.releaseSlow.countDown();
                Set<Integer> answered = new HashSet<>();
                for (int i = 0; i < 5; i++) {
                    answered.add(c.readRecord().getInt(0));
                }
                assertThat(answered).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            }
        }
    }
}
