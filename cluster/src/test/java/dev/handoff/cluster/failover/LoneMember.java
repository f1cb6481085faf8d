package dev.handoff.cluster.failover;

import com.hazelcast.config.Config;
import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.membership.Discovery;
import dev.handoff.cluster.state.HazelcastReplyCache;
import dev.handoff.cluster.state.SharedStateConfig;
import dev.handoff.cluster.vip.NodeId;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** A cluster of one real member on loopback, under a cluster name of its own, for the tests of the failover edge. */
final class LoneMember {
    private LoneMember() {
    }

    /** A member with Hazelcast's defaults for everything the test does not configure. */
    static ClusterNode start(NodeId name) {
        return start(name, c -> {
        });
    }

    /** A member with the shared state's maps configured (reply cache, lock table), without split-brain protection. */
    static ClusterNode withSharedState(NodeId name) {
        return start(name, c -> SharedStateConfig.apply(c, HazelcastReplyCache.Settings.DEFAULT, Optional.empty()));
    }

    private static ClusterNode start(NodeId name, Consumer<Config> configure) {
        int port = FreePorts.on(InetAddress.getLoopbackAddress(), 1).getFirst();
        return ClusterNode.start(ClusterConfig.of(name, "127.0.0.1", port,
                new Discovery.TcpIp(List.of("127.0.0.1:" + port)), 1)
                .withClusterName("handoff-test-" + UUID.randomUUID()).withJoinWait(Duration.ZERO), input -> {
        }, configure);
    }
}
