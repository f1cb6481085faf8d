package dev.handoff.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import dev.handoff.rpc.xdr.XdrWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a real server on loopback ports: results, refusals, retries, reconnects, source address. */
class RpcClientTest {
    private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    private static final RpcClientOptions FAST = RpcClientOptions.defaults()
            .withTimeout(Duration.ofMillis(300)).withRetries(2);

    private final TestRpcServer server = new TestRpcServer(LOOPBACK, List.of(EchoProgram.create()));
    private final List<RpcClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(RpcClient::close);
        server.close();
    }

    private RpcClient tcp(RpcClientOptions options) {
        RpcClient c = RpcClient.tcp(server.tcpAddress(), options);
        clients.add(c);
        return c;
    }

    private RpcClient udp(RpcClientOptions options) throws IOException {
        RpcClient c = RpcClient.udp(server.udpAddress(), options);
        clients.add(c);
        return c;
    }

    private static CompletableFuture<String> echo(RpcClient c, String s) {
        return c.call(EchoProgram.PROG, EchoProgram.VERS, EchoProgram.ECHO, XdrEncoder::writeString, s,
                in -> in.readString(1024));
    }

    private static <T> T result(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** The exception {@code f} fails with. */
    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void concurrentCallsOverTcpEachGetTheirOwnReply() throws Exception {
        RpcClient c = tcp(FAST);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(echo(c, "call " + i));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(result(calls.get(i))).isEqualTo("call " + i);
        }
        assertThat(server.tcpConnections).as("one connection carries them all").hasSize(1);
    }

    @Test
    void callOverUdpGetsItsResult() throws Exception {
        RpcClient c = udp(FAST);
        assertThat(result(echo(c, "over udp"))).isEqualTo("over udp");
        assertThat(result(c.ping(EchoProgram.PROG, EchoProgram.VERS))).isNull();
    }

    @Test
    void unknownProgramFailsWithAnRpcExceptionCarryingProgUnavail() throws Exception {
        for (RpcClient c : List.of(tcp(FAST), udp(FAST))) {
            Throwable t = failure(c.ping(0x2000_0078, 1));
            assertThat(t).isInstanceOf(RpcException.class);
            assertThat(((RpcException) t).reply()).isInstanceOf(RpcReply.ProgUnavail.class);
        }
    }

    @Test
    void unknownVersionFailsWithTheVersionRangeServed() throws Exception {
        Throwable t = failure(tcp(FAST).ping(EchoProgram.PROG, 9));
        assertThat(((RpcException) t).reply()).isEqualTo(new RpcReply.ProgMismatch(1, 1));
    }

    @Test
    void udpResendsTheSameXidWhenATryTimesOut() throws Exception {
        server.udpToIgnore.set(1);
        RpcClient c = udp(FAST);
        assertThat(result(echo(c, "second try"))).isEqualTo("second try");
        assertThat(server.udpXids).hasSize(2);
        assertThat(server.udpXids.get(1)).isEqualTo(server.udpXids.get(0));
    }

    @Test
    void udpGivesUpWithATimeoutAfterTheRetries() throws Exception {
        server.udpToIgnore.set(Integer.MAX_VALUE);
        RpcClient c = udp(FAST.withTimeout(Duration.ofMillis(100)).withRetries(1));
        assertThat(failure(echo(c, "nobody listens"))).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("2 tries");
        assertThat(server.udpXids).hasSize(2).containsOnly(server.udpXids.getFirst());
    }

    @Test
    void tcpResendsOnTheSameConnectionWhenATryTimesOut() throws Exception {
        server.answerTcp = false;
        RpcClient c = tcp(FAST.withTimeout(Duration.ofMillis(100)).withRetries(1));
        assertThat(failure(echo(c, "unanswered"))).isInstanceOf(TimeoutException.class);
        assertThat(server.tcpXids).hasSize(2).containsOnly(server.tcpXids.getFirst());
        assertThat(server.tcpConnections).hasSize(1);
    }

    @Test
    void tcpReconnectsAndResendsAtOnceWhenTheServerClosesTheConnection() throws Exception {
        server.tcpToAnswerByClosing.set(1);
        // A long timeout: the resend must come from noticing the close, not from the timer.
        RpcClient c = tcp(FAST.withTimeout(Duration.ofSeconds(8)));
        long start = System.nanoTime();
        assertThat(result(echo(c, "after reconnect"))).isEqualTo("after reconnect");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(server.tcpConnections).hasSize(2);
        assertThat(server.tcpXids).hasSize(2).containsOnly(server.tcpXids.getFirst());
        assertThat(result(echo(c, "same new connection"))).isEqualTo("same new connection");
        assertThat(server.tcpConnections).hasSize(2);
    }

    @Test
    void refusedConnectionFailsWithTheConnectError() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            nobody = new InetSocketAddress(LOOPBACK, s.getLocalPort());
        }
        RpcClient c = RpcClient.tcp(nobody, FAST.withTimeout(Duration.ofMillis(100)).withRetries(1));
        clients.add(c);
        assertThat(failure(c.ping(EchoProgram.PROG, 1))).isInstanceOf(ConnectException.class);
    }

    @Test
    void callsComeFromTheSourceAddressAsked() throws Exception {
        InetAddress vip = InetAddress.ofLiteral("127.0.0.2");
        RpcClientOptions fromVip = FAST.withSource(vip);
        assertThat(result(echo(tcp(fromVip), "tcp from vip"))).isEqualTo("tcp from vip");
        assertThat(result(echo(udp(fromVip), "udp from vip"))).isEqualTo("udp from vip");
        assertThat(server.tcpConnections).extracting(InetSocketAddress::getAddress).containsExactly(vip);
        assertThat(server.udpSenders).extracting(InetSocketAddress::getAddress).containsExactly(vip);
    }

    @Test
    void credentialIsSentWithEveryCall() throws Exception {
        RpcClient c = udp(FAST.withCredential(new Credential.Sys(0, "vip-host", 1234, 100, List.of(100))));
        assertThat(result(c.call(EchoProgram.PROG, EchoProgram.VERS, EchoProgram.WHOAMI, XdrWriter.nothing(), null,
                XdrDecoder::readInt))).isEqualTo(1234);
        assertThat(result(udp(FAST).call(EchoProgram.PROG, EchoProgram.VERS, EchoProgram.WHOAMI,
                XdrWriter.nothing(), null, XdrDecoder::readInt))).isEqualTo(-1);
    }

    @Test
    void resultThatDoesNotDecodeFailsTheCall() throws Exception {
        CompletableFuture<Long> wrongType = udp(FAST).call(EchoProgram.PROG, EchoProgram.VERS, EchoProgram.ECHO,
                XdrEncoder::writeString, "", XdrDecoder::readHyper);
        assertThat(failure(wrongType)).isInstanceOf(XdrException.class);
    }

    @Test
    void closeFailsWaitingCallsAndRefusesNewOnes() throws Exception {
        server.udpToIgnore.set(Integer.MAX_VALUE);
        RpcClient c = udp(FAST.withTimeout(Duration.ofSeconds(30)));
        CompletableFuture<String> waiting = echo(c, "never answered");
        while (server.udpXids.isEmpty()) {
            Thread.onSpinWait();
        }
        c.close();
        assertThat(failure(waiting)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(failure(echo(c, "too late"))).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void closeReleasesTheSocketSoItsFixedSourcePortCanBeBoundAgain() throws Exception {
        InetAddress vip = InetAddress.ofLiteral("127.0.0.2");
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(vip, 0))) {
            port = probe.getLocalPort();
        }
        InetSocketAddress source = new InetSocketAddress(vip, port);
        RpcClient c = RpcClient.udp(server.udpAddress(), FAST.withSource(source));
        assertThat(result(echo(c, "from a fixed port"))).isEqualTo("from a fixed port");
        assertThat(server.udpSenders).containsExactly(source);
        c.close();
        try (DatagramSocket again = new DatagramSocket(source)) {
            assertThat(again.getLocalSocketAddress()).isEqualTo(source);
        }
    }
}
