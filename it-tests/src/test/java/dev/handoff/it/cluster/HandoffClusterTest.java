package dev.handoff.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HandoffClusterTest {
    private static final Path EXPORTS = Path.of("/srv/kc/exports");

    @Test
    void everyNodeJoinsTheSameClusterWithTheSameVipAndSharedHandleKey() {
        for (int n = 1; n <= HandoffCluster.NODES; n++) {
            assertThat(HandoffCluster.serverCommand(EXPORTS, n))
                    .contains("--cluster 10.0.3.1,10.0.3.2,10.0.3.3", "--vip 10.0.3.100 --vip-interface eth0",
                            "--node \"$NODE_NAME\"", "--bind \"$NODE_IP\"", "--handle-key \"$OUT_DIR/handle.key\"",
                            "--exports '/srv/kc/exports'", "HANDOFF_NO_BUILD=1")
                    .endsWith("&");
        }
    }

    @Test
    void onlyTheFirstNodeStartsWithoutWaitingForTheHandleKey() {
        assertThat(HandoffCluster.serverCommand(EXPORTS, 1)).startsWith("HANDOFF_NO_BUILD=1 ./handoff serve");
        assertThat(HandoffCluster.serverCommand(EXPORTS, 2)).startsWith("for _ in").contains("[ -s \"$OUT_DIR/handle.key\" ]");
        assertThat(HandoffCluster.serverCommand(EXPORTS, 3)).startsWith("for _ in");
    }

    @Test
    void moreVipsAreServedByEveryNodeAfterTheFirst() {
        assertThat(HandoffCluster.serverCommand(EXPORTS, 2, HandoffCluster.VIP2))
                .contains("--vip 10.0.3.100 --vip 10.0.3.101 --vip-interface eth0");
    }
}
