package dev.handoff.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.handoff.cluster.vip.NodeId;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real members: a write counts as on a majority unless a member present when it began has left by its end. */
class MajorityWritesTest {
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeEach
    void twoMembers() throws Exception {
        List<Integer> ports = List.of(freePort(), freePort());
        String name = "handoff-majority-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            ClusterConfig cc = ClusterConfig.of(new NodeId("n" + i), "127.0.0.1", ports.get(i),
                    new Discovery.TcpIp(ports.stream().map(p -> "127.0.0.1:" + p).toList()), 1)
                    .withClusterName(name).withJoinWait(Duration.ofSeconds(1));
            nodes.add(ClusterNode.start(cc, input -> {
            }));
            members.add(nodes.getLast().hazelcast());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (members.getFirst().getCluster().getMembers().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(members.getFirst().getCluster().getMembers()).hasSize(2);
    }

    @AfterEach
    void stop() {
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void aWriteWithTheMembersKeptIsOnAMajority() {
        IMap<String, String> map = members.getFirst().getMap("plain");
        MajorityWrites.Outcome<Boolean> w = new MajorityWrites(members.getFirst())
                .run(() -> map.putIfAbsent("k", "v") == null);
        assertThat(w).isEqualTo(new MajorityWrites.Outcome<>(true, true));
    }

    @Test
    void aWriteDuringWhichAMemberLeftIsNot() {
        HazelcastInstance a = members.getFirst();
        IMap<String, String> map = a.getMap("plain");
        MajorityWrites.Outcome<Boolean> w = new MajorityWrites(a).run(() -> {
            boolean applied = map.putIfAbsent("k", "v") == null;
            members.get(1).getLifecycleService().terminate();
            while (a.getCluster().getMembers().size() > 1) {
                Thread.onSpinWait();
            }
            return applied;
        });
        assertThat(w).isEqualTo(new MajorityWrites.Outcome<>(true, false));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
