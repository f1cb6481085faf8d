package dev.handoff.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import dev.handoff.rpc.rpcbind.xdr.PortMapping;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Port mapper calls against the embedded rpcbind, over loopback sockets. */
class PortMapperClientTest {
    private static final int NLM = 100021;
    private static final RpcClientOptions OPTIONS = RpcClientOptions.defaults().withTimeout(Duration.ofSeconds(2));

    private final RpcbindRegistry registry = new RpcbindRegistry();
    private final TestRpcServer server = new TestRpcServer(InetAddress.ofLiteral("127.0.0.1"),
            List.of(RpcbindProgram.create(registry, InstantSource.system())));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registerLookUpListAndUnregisterOverUdp() throws Exception {
        try (PortMapperClient pmap = new PortMapperClient(RpcClient.udp(server.udpAddress(), OPTIONS))) {
            assertThat(pmap.set(NLM, 4, Transport.TCP, 4045).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pmap.set(NLM, 4, Transport.UDP, 4045).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pmap.set(NLM, 4, Transport.TCP, 4046).get(5, TimeUnit.SECONDS)).as("taken").isFalse();

            assertThat(pmap.getPort(NLM, 4, Transport.TCP).get(5, TimeUnit.SECONDS)).isEqualTo(4045);
            assertThat(pmap.dump().get(5, TimeUnit.SECONDS)).containsExactly(
                    new PortMapping(NLM, 4, PortMapping.IPPROTO_TCP, 4045),
                    new PortMapping(NLM, 4, PortMapping.IPPROTO_UDP, 4045));

            assertThat(pmap.unset(NLM, 4).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pmap.getPort(NLM, 4, Transport.UDP).get(5, TimeUnit.SECONDS)).isZero();
            assertThat(registry.all()).isEmpty();
        }
    }

    @Test
    void lookUpOverTcp() throws Exception {
        registry.set(100024, 1, Transport.UDP, new java.net.InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 662),
                "handoff");
        try (PortMapperClient pmap = new PortMapperClient(RpcClient.tcp(server.tcpAddress(), OPTIONS))) {
            assertThat(pmap.getPort(100024, 1, Transport.UDP).get(5, TimeUnit.SECONDS)).isEqualTo(662);
            assertThat(pmap.getPort(100024, 1, Transport.TCP).get(5, TimeUnit.SECONDS)).isZero();
        }
    }
}
