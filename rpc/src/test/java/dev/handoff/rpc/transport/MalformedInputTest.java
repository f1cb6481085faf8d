package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken input over real sockets: each gets the RFC 5531 reply or a closed connection, and the
 * server keeps answering everyone else with bounded memory.
 */
class MalformedInputTest {
    private static final int MAX_RECORD = 64 * 1024;
    private static final TestPrograms programs = new TestPrograms();
    private static RpcServer server;
    private static InetSocketAddress tcp;
    private static InetSocketAddress udp;

    @BeforeAll
    static void start() throws IOException {
        Dispatcher dispatcher = new Dispatcher(List.of(programs.program()), ReplyCache.NONE, CallObserver.NONE);
        server = new RpcServer(dispatcher, RpcServerConfig.of(List.of(0)).withMaxRecordSize(MAX_RECORD),
                CallObserver.NONE);
        ListenerGroup g = server.listen(InetAddress.getLoopbackAddress());
        tcp = g.tcpEndpoints().getFirst();
        udp = g.udpEndpoints().getFirst();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertServerStillAnswers() throws IOException {
        try (WireClient c = new WireClient(tcp)) {
            c.sendRecord(WireClient.call(7, TestPrograms.PROG, TestPrograms.VERS, 0, new byte[0]));
            ByteBuffer r = c.readRecord();
            assertThat(r.getInt(0)).isEqualTo(7);
            assertThat(r.getInt(8)).as("MSG_ACCEPTED").isZero();
            assertThat(r.getInt(20)).as("SUCCESS").isZero();
        }
    }

    private static ByteBuffer ask(byte[] record) throws IOException {
        try (WireClient c = new WireClient(tcp)) {
            c.sendRecord(record);
            return c.readRecord();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7FFF_FFFF, 0xFFFF_FFFF, MAX_RECORD + 1, 0x4000_0000})
    void aFragmentLongerThanTheLimitClosesTheConnectionWithoutBufferingIt(int header) throws IOException {
        long directBefore = PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
        try (WireClient c = new WireClient(tcp)) {
            c.sendRaw(ByteBuffer.allocate(4 + 1024).putInt(header).array());
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() - directBefore)
                .as("bytes buffered for the announced record").isLessThan(16L * 1024 * 1024);
        assertServerStillAnswers();
    }

    @Test
    void fragmentsThatAddUpPastTheLimitCloseTheConnection() throws IOException {
        try (WireClient c = new WireClient(tcp)) {
            byte[] chunk = new byte[MAX_RECORD / 2];
            ByteBuffer b = ByteBuffer.allocate(3 * (4 + chunk.length));
            for (int i = 0; i < 3; i++) {
                b.putInt(chunk.length).put(chunk);
            }
            c.sendRaw(b.array());
            assertThat(c.closedByServer()).isTrue();
        }
        assertServerStillAnswers();
    }

    @Test
    void aTruncatedRecordFollowedByCloseLeavesTheServerServing() throws IOException {
        try (WireClient c = new WireClient(tcp)) {
            c.sendRaw(new byte[] {(byte) 0x80, 0, 0, 40, 0, 0, 0, 1, 0, 0});
        }
        assertServerStillAnswers();
    }

    @Test
    void aRecordTooShortForAHeaderIsIgnoredAndTheConnectionKeepsWorking() throws IOException {
        try (WireClient c = new WireClient(tcp)) {
            c.sendRecord(new byte[] {0, 0, 0, 9, 0, 0});
            c.sendRecord(WireClient.call(8, TestPrograms.PROG, TestPrograms.VERS, 0, new byte[0]));
            assertThat(c.readRecord().getInt(0)).isEqualTo(8);
        }
    }

    @Test
    void aCredentialLengthBeyondTheRecordGetsAuthErrorBadCred() throws IOException {
        byte[] call = WireClient.call(9, TestPrograms.PROG, TestPrograms.VERS, 0, new byte[0]);
        ByteBuffer.wrap(call).putInt(24, 1).putInt(28, 0x7FFF_FFF0);
        ByteBuffer r = ask(call);
        assertThat(r.getInt(0)).isEqualTo(9);
        assertThat(r.getInt(8)).as("MSG_DENIED").isEqualTo(1);
        assertThat(r.getInt(12)).as("AUTH_ERROR").isEqualTo(1);
        assertThat(r.getInt(16)).as("AUTH_BADCRED").isEqualTo(1);
        assertServerStillAnswers();
    }

    @Test
    void unknownProgramVersionAndProcedureGetTheirRfcReplies() throws IOException {
        assertThat(ask(WireClient.call(1, 0x2999_9999, 1, 0, new byte[0])).getInt(20)).as("PROG_UNAVAIL")
                .isEqualTo(1);
        ByteBuffer mismatch = ask(WireClient.call(2, TestPrograms.PROG, 7, 0, new byte[0]));
        assertThat(mismatch.getInt(20)).as("PROG_MISMATCH").isEqualTo(2);
        assertThat(mismatch.getInt(24)).as("low").isEqualTo(TestPrograms.VERS);
        assertThat(mismatch.getInt(28)).as("high").isEqualTo(TestPrograms.VERS);
        assertThat(ask(WireClient.call(3, TestPrograms.PROG, TestPrograms.VERS, 99, new byte[0])).getInt(20))
                .as("PROC_UNAVAIL").isEqualTo(3);
        assertThat(ask(WireClient.call(4, TestPrograms.PROG, TestPrograms.VERS, TestPrograms.COUNT, new byte[2]))
                .getInt(20)).as("GARBAGE_ARGS").isEqualTo(4);
        byte[] rpcv3 = WireClient.call(5, TestPrograms.PROG, TestPrograms.VERS, 0, new byte[0]);
        ByteBuffer.wrap(rpcv3).putInt(8, 3);
        ByteBuffer denied = ask(rpcv3);
        assertThat(denied.getInt(8)).as("MSG_DENIED").isEqualTo(1);
        assertThat(denied.getInt(12)).as("RPC_MISMATCH").isZero();
        assertThat(denied.getInt(16)).isEqualTo(2);
        assertThat(denied.getInt(20)).isEqualTo(2);
    }

    @Test
    void udpGarbageIsIgnoredAndUdpCallsAreAnswered() throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(3000);
            s.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, udp));
            byte[] call = WireClient.call(11, TestPrograms.PROG, TestPrograms.VERS, 0, new byte[0]);
            s.send(new DatagramPacket(call, call.length, udp));
            DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
            s.receive(reply);
            assertThat(ByteBuffer.wrap(reply.getData()).getInt(0)).isEqualTo(11);
        }
    }
}
