package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record over --max-record-size is counted: on TCP its connection closes, on UDP the datagram is dropped. */
class RecordSizeLimitTest {
    private static final int MAX_RECORD = 1024;

    @Test
    void anOversizeRecordClosesItsConnectionOrLosesItsDatagramAndIsCounted() throws Exception {
        TestPrograms programs = new TestPrograms();
        Dispatcher dispatcher = new Dispatcher(List.of(programs.program()), ReplyCache.NONE, CallObserver.NONE);
        try (RpcServer server = new RpcServer(dispatcher,
                RpcServerConfig.of(List.of(0)).withMaxRecordSize(MAX_RECORD), CallObserver.NONE)) {
            ListenerGroup g = server.listen(InetAddress.getLoopbackAddress());
            try (WireClient c = new WireClient(g.tcpEndpoints().getFirst())) {
                c.sendRaw(new byte[] {(byte) 0x80, 0, 0x04, 0x01});   // last fragment, 1025 bytes
                assertThat(c.closedByServer()).isTrue();
            }
            try (DatagramSocket udp = new DatagramSocket()) {
                udp.setSoTimeout(500);
                byte[] big = java.util.Arrays.copyOf(WireClient.call(1, TestPrograms.PROG, TestPrograms.VERS, 0,
                        new byte[0]), MAX_RECORD + 1);
                InetSocketAddress to = g.udpEndpoints().getFirst();
                udp.send(new DatagramPacket(big, big.length, to));
                boolean answered;
                try {
                    udp.receive(new DatagramPacket(new byte[2048], 2048));
                    answered = true;
                } catch (SocketTimeoutException e) {
                    answered = false;
                }
                assertThat(answered).as("an oversize datagram is answered").isFalse();
            }
            assertThat(server.limitCounts().recordSize()).isEqualTo(2);
            try (WireClient c = new WireClient(g.tcpEndpoints().getFirst())) {
                c.sendRecord(WireClient.call(2, TestPrograms.PROG, TestPrograms.VERS, 0, new byte[0]));
                assertThat(c.readRecord().getInt(0)).as("a record within the limit").isEqualTo(2);
            }
        }
    }
}
