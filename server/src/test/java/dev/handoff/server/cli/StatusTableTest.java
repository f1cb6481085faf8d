package dev.handoff.server.cli;

import static dev.handoff.server.cli.ScriptedCluster.cluster;
import static dev.handoff.server.cli.ScriptedCluster.report;
import static dev.handoff.server.cli.ScriptedCluster.vip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.failover.ClusterStatus;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {
    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void aClusterShowsHeaderMembersVipsAndRecentHandoffsInAlignedColumns() {
        ClusterStatus s = cluster(List.of(
                        new ClusterStatus.Vip("10.0.3.100", "node2", 7, "SERVING", null, 40, "watching", 1.25,
                                List.of("10.0.3.50:812", "10.0.3.51:700")),
                        new ClusterStatus.Vip("10.0.3.101", "node1", 3, "RELEASING", "node2", 9, "releasing", 0.04,
                                List.of())),
                report("10.0.3.100", "acquire", "node2", 7, 143));

        assertThat(StatusTable.render(s, ZoneOffset.UTC)).isEqualTo(lines(
                "node node1  quorum 3/3  grace no  locks 4",
                "  MEMBER  ADDRESS",
                "  node1   10.0.3.1:5701  self",
                "  node2   10.0.3.2:5701",
                "  w       10.0.3.3:5701  witness",
                "  VIP         OWNER         EPOCH  STATE      PHASE      CHANGED   CONNS",
                "  10.0.3.100  node2         7      SERVING    watching   1.3s ago  2",
                "  10.0.3.101  node1->node2  3      RELEASING  releasing  0.0s ago  0",
                "  TIME          VIP         KIND     MOVE          TOTAL   STAGES (ms)",
                "  12:00:01.250  10.0.3.100  acquire  node1->node2  143 ms  stop 0.5, drain 141, close 1.5"));
    }

    @Test
    void lostQuorumGraceDrainingAndEmptySectionsAreSpelledOut() {
        ClusterStatus s = new ClusterStatus("node1", true, false, 3, List.of(
                new ClusterStatus.Member("node1", "10.0.3.1:5701", false, true, true)), List.of(), true, 0,
                List.of());

        assertThat(StatusTable.render(s, ZoneOffset.UTC)).isEqualTo(lines(
                "node node1  quorum 1/3 LOST  grace ON (only reclaims granted)  locks 0",
                "  MEMBER  ADDRESS",
                "  node1   10.0.3.1:5701  self,draining",
                "no VIPs configured",
                "no handoffs yet"));
    }

    @Test
    void aStandaloneServerIsOneLine() {
        ClusterStatus s = new ClusterStatus("host", false, true, 1, List.of(), List.of(), false, 2, List.of());

        assertThat(StatusTable.render(s, ZoneOffset.UTC))
                .isEqualTo(lines("node host  standalone (no cluster)  grace no  locks 2"));
    }

    @Test
    void whereNamesTheTargetOfAMoveAndTheLastOwnerOfAFreeVip() {
        assertThat(StatusTable.where(vip("v", "node1", 3, "RELEASING", "node2"))).isEqualTo("RELEASING node1 -> node2");
        assertThat(StatusTable.where(vip("v", "node2", 4, "ACQUIRING", null))).isEqualTo("ACQUIRING on node2");
        assertThat(StatusTable.where(vip("v", "node1", 4, "FREE", null))).isEqualTo("FREE (last owner node1)");
        assertThat(StatusTable.where(new ClusterStatus.Vip("v", null, 0, null, null, 0, null, 0, List.of())))
                .as("fields an older server leaves out").isEqualTo("- on -");
    }

    @Test
    void millisecondsKeepTenthsOnlyBelowTen() {
        assertThat(StatusTable.ms(0.04)).isEqualTo("0.0");
        assertThat(StatusTable.ms(9.94)).isEqualTo("9.9");
        assertThat(StatusTable.ms(10.4)).isEqualTo("10");
        assertThat(StatusTable.ms(1234.6)).isEqualTo("1235");
    }

    @Test
    void aReportShowsItsHeadingAndOneLinePerStageInStageOrder() {
        assertThat(StatusTable.report(report("10.0.3.100", "handoff", "node1", 7, 143), ZoneOffset.UTC))
                .isEqualTo(lines(
                        "handoff of 10.0.3.100 node1 -> node2 (epoch 7, reported by node1, 12:00:01.250): 143 ms, ok",
                        "  stop   0.5 ms",
                        "  drain  141 ms",
                        "  close  1.5 ms"));
    }
}
