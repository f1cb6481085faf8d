package dev.handoff.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerClusterTest {

    @Test
    void everyMemberGetsTheSameClusterVipExportsAndKeyButItsOwnNameAndAddress() {
        List<String> first = ContainerCluster.serveArguments(0);
        List<String> third = ContainerCluster.serveArguments(2);
        assertThat(first).containsSequence("--node", "n1").containsSequence("--bind", "172.30.77.11");
        assertThat(third).containsSequence("--node", "n3").containsSequence("--bind", "172.30.77.13");
        for (List<String> args : List.of(first, third)) {
            assertThat(args).containsSequence("--cluster", "172.30.77.11,172.30.77.12,172.30.77.13")
                    .containsSequence("--vip", "172.30.77.100/24")
                    .containsSequence("--vip-interface", "eth0")
                    .containsSequence("--handle-key", "/etc/handoff/handle.key")
                    .containsSequence("--exports", "/etc/handoff/exports");
        }
    }

    @Test
    void theVipAndTheMembersAreOnTheTestNetworksSubnetAndDistinct() {
        String prefix = ContainerCluster.SUBNET.substring(0, ContainerCluster.SUBNET.lastIndexOf('.') + 1);
        assertThat(ContainerCluster.VIP).startsWith(prefix);
        assertThat(List.of(ContainerCluster.address(0), ContainerCluster.address(1), ContainerCluster.address(2),
                ContainerCluster.VIP)).allMatch(a -> a.startsWith(prefix)).doesNotHaveDuplicates();
    }

    @Test
    void containersGetExactlyTheSixCapabilitiesTheImageDocuments() {
        assertThat(ContainerCluster.CAPABILITIES).extracting(Enum::name).containsExactlyInAnyOrder(
                "NET_ADMIN", "NET_RAW", "NET_BIND_SERVICE", "DAC_READ_SEARCH", "SETUID", "SETGID");
    }
}
