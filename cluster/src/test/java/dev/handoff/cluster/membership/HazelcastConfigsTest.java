package dev.handoff.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import dev.handoff.cluster.vip.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HazelcastConfigsTest {
    private static final ClusterConfig TCP = ClusterConfig.of(new NodeId("node-1"), "10.0.0.1", 5801,
            new Discovery.TcpIp(List.of("10.0.0.1:5801", "10.0.0.2:5801", "10.0.0.3:5801")), 3);

    private static Config build(ClusterConfig cc) {
        return HazelcastConfigs.build(cc, new MembershipAdapter());
    }

    @Test
    void nothingLeavesTheMachineButTrafficToPeers() {
        Config c = build(TCP);
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
        JoinConfig join = c.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
        assertThat(c.getNetworkConfig().getIcmpFailureDetectorConfig().isEnabled()).isFalse();
    }

    @Test
    void memberListBindAddressAndFixedPortComeFromTheConfig() {
        Config c = build(TCP);
        assertThat(c.getClusterName()).isEqualTo("handoff");
        assertThat(c.getNetworkConfig().getPort()).isEqualTo(5801);
        assertThat(c.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.1");
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("10.0.0.1:5801", "10.0.0.2:5801", "10.0.0.3:5801");
    }

    @Test
    void heartbeatSettingsGiveTheConfiguredDetectionTime() {
        Config c = build(TCP);
        assertThat(c.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
        assertThat(c.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("2");
    }

    @Test
    void kubernetesModeUsesTheHeadlessServiceDnsLookup() {
        ClusterConfig k8s = ClusterConfig.of(new NodeId("handoff-0"), ClusterConfig.ANY_ADDRESS, 5701,
                new Discovery.KubernetesDns("handoff-hz.nfs.svc.cluster.local", 5701), 3);
        JoinConfig join = build(k8s).getNetworkConfig().getJoin();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
        assertThat(join.getKubernetesConfig().getProperty("service-dns"))
                .isEqualTo("handoff-hz.nfs.svc.cluster.local");
        assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
        assertThat(build(k8s).getNetworkConfig().getInterfaces().isEnabled()).isFalse();
    }

    @Test
    void handoffMapsAreProtectedByAMajorityOfTheConfiguredSize() {
        Config c = build(TCP.withWitness(true));
        SplitBrainProtectionConfig q = c.getSplitBrainProtectionConfig(HazelcastConfigs.SPLIT_BRAIN_PROTECTION);
        assertThat(q.isEnabled()).isTrue();
        assertThat(q.getMinimumClusterSize()).isEqualTo(2);
        assertThat(q.getProtectOn()).isEqualTo(SplitBrainProtectionOn.WRITE);
        assertThat(c.getMapConfig("handoff.vips").getSplitBrainProtectionName())
                .isEqualTo(HazelcastConfigs.SPLIT_BRAIN_PROTECTION);
        assertThat(c.getMapConfig("scratch").getSplitBrainProtectionName()).isNull();
    }

    @Test
    void nodeNameAndWitnessTravelAsMemberAttributes() {
        Config c = build(TCP.withWitness(true));
        assertThat(c.getMemberAttributeConfig().getAttributes())
                .containsEntry(HazelcastConfigs.ATTR_NODE, "node-1")
                .containsEntry(HazelcastConfigs.ATTR_WITNESS, "true");
        assertThat(c.getListenerConfigs()).hasSize(1);
    }
}
