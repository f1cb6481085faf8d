package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.address.TickleSender;
import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.transport.ConnectionInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The shared connection records across the move of a client that reconnects from the same port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionRecordsTest {
    private static final VipId VIP = new VipId("10.0.3.100");
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.ofLiteral("10.0.3.100"), 2049);
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.ofLiteral("10.0.3.10"), 812);
    private ClusterNode member;

    @BeforeAll
    void startMember() {
        member = LoneMember.start(new NodeId("m"));
    }

    @AfterAll
    void stopMember() {
        member.close();
    }

    @Test
    void aMoveLeavesTheOldOwnersRecordForTheNewOwnerAndKeepsTheNewOwnersRecordOfTheSameAddresses() {
        ConnectionRecords oldOwner = records("node1");
        ConnectionRecords newOwner = records("node2");
        ConnectionInfo connection = new ConnectionInfo(Transport.TCP, SERVER, CLIENT, 0, false, Duration.ZERO);
        oldOwner.serving(VIP, true);
        oldOwner.opened(connection);
        Await.until("node1's record", Duration.ofSeconds(5), () -> oldOwner.of(VIP).size() == 1);

        // Stage 1 on node1: it no longer serves; its stage 3 resets the connection while node2 is arriving.
        oldOwner.serving(VIP, false);
        oldOwner.closed(connection);
        List<String> stale = newOwner.stale(VIP);
        assertThat(ConnectionRecords.connections(stale)).as("node1's record is still there to tickle")
                .containsExactly(new TickleSender.Connection(SERVER, CLIENT));
        newOwner.forget(VIP, stale);
        // The client comes back from the same port, to node2, which now serves the VIP.
        newOwner.opened(connection);
        newOwner.serving(VIP, true);

        Await.until("node2's record alone", Duration.ofSeconds(5), () -> {
            List<String> left = oldOwner.stale(VIP); // one read: the writes above land in their own time
            return left.size() == 1 && left.getFirst().contains("|node2|");
        });
        assertThat(newOwner.stale(VIP)).as("node2 never tickles its own live connection").isEmpty();

        // A connection that closes while its node serves the VIP takes its record with it.
        newOwner.closed(connection);
        Await.until("no record", Duration.ofSeconds(5), () -> oldOwner.of(VIP).isEmpty());
        oldOwner.close();
        newOwner.close();
    }

    private ConnectionRecords records(String node) {
        return new ConnectionRecords(member.hazelcast(), node,
                a -> a.equals(SERVER.getAddress()) ? Optional.of(VIP) : Optional.empty());
    }
}
