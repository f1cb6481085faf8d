package dev.handoff.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.cluster.vip.NodeId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    private static final Discovery LIST = new Discovery.TcpIp(List.of("10.0.0.1:5701", "10.0.0.2:5701"));

    private static ClusterConfig sized(int size) {
        return ClusterConfig.of(new NodeId("a"), "10.0.0.1", 5701, LIST, size);
    }

    @Test
    void quorumIsAStrictMajorityOfTheConfiguredSize() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(n -> sized(n).quorum()))
                .containsExactly(1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void defaultsDetectASilentMemberWithinThreeSeconds() {
        ClusterConfig c = sized(3);
        assertThat(c.detectionBound()).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(c.witness()).isFalse();
        assertThat(c.withWitness(true).witness()).isTrue();
    }

    @Test
    void heartbeatTimingMustBeWholeSecondsWithSilenceLongerThanTheInterval() {
        ClusterConfig c = sized(3);
        assertThatThrownBy(() -> new ClusterConfig(c.nodeName(), "x", "a", 1, LIST, 3, false,
                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatInterval");
        assertThatThrownBy(() -> new ClusterConfig(c.nodeName(), "x", "a", 1, LIST, 3, false,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(5)))
                .hasMessageContaining("maxNoHeartbeat must exceed");
    }

    @Test
    void rejectsOutOfRangePortsSizesAndNames() {
        assertThatThrownBy(() -> ClusterConfig.of(new NodeId("a"), "h", 0, LIST, 3))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> sized(0)).hasMessageContaining("expected cluster size");
        assertThatThrownBy(() -> sized(ClusterConfig.MAX_CLUSTER_SIZE + 1))
                .hasMessageContaining("expected cluster size");
        assertThatThrownBy(() -> sized(3).withClusterName("x".repeat(ClusterConfig.MAX_CLUSTER_NAME + 1)))
                .hasMessageContaining("cluster name");
    }

    @Test
    void discoveryChecksItsListAndNames() {
        assertThatThrownBy(() -> new Discovery.TcpIp(List.of())).hasMessageContaining("member list");
        assertThatThrownBy(() -> new Discovery.TcpIp(Collections.nCopies(Discovery.MAX_MEMBERS + 1, "h")))
                .hasMessageContaining("member list");
        assertThatThrownBy(() -> new Discovery.TcpIp(List.of("h".repeat(Discovery.MAX_NAME + 1))))
                .hasMessageContaining("member");
        assertThatThrownBy(() -> new Discovery.KubernetesDns("", 5701)).hasMessageContaining("service DNS");
        assertThatThrownBy(() -> new Discovery.KubernetesDns("svc", 70000)).hasMessageContaining("port");
    }
}
