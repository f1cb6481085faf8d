package dev.handoff.cluster.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three machines around the simulated table; {@link SimCluster} checks after every event that no two nodes may
 * serve a VIP, that whoever may serve is named by the table with its epoch, and that no two live nodes have the
 * address up. These tests add the timing.
 */
class VipClusterTest {
    private static final VipId V = new VipId("v1");
    private static final NodeId A = new NodeId("a");
    private static final NodeId B = new NodeId("b");
    private static final NodeId C = new NodeId("c");
    private static final VipConfig CONFIG = VipConfig.defaults();
    private static final long EXPIRY_MS = CONFIG.lease().plus(CONFIG.margin()).toMillis();

    private static SimCluster cluster() {
        SimCluster sim = new SimCluster(new VipConfig(CONFIG.lease(), CONFIG.margin(), CONFIG.renewEvery(),
                CONFIG.writeTimeout(), Duration.ofSeconds(5), Duration.ofSeconds(5), Map.of(V, List.of(A))), 7);
        sim.addNodes(List.of("a", "b", "c"));
        sim.addVips(List.of("v1"));
        sim.runUntil(() -> sim.servingAtEdge(V).equals(List.of(A)), 5_000);
        return sim;
    }

    @Test
    void aCrashedOwnersVipIsTakenOverAfterLeasePlusMarginAndWithinFiveSeconds() {
        SimCluster sim = cluster();
        sim.run(1_500);
        long lastRenewal = sim.changedAt.get(V);
        long crashedAt = sim.now;
        sim.crash(A);
        sim.runUntil(() -> !sim.servingAtEdge(V).isEmpty(), 10_000);
        long claimedAt = sim.table.get(V).epoch() == 2 ? sim.changedAt.get(V) : -1;
        assertThat(claimedAt - lastRenewal).as("silence before the takeover").isGreaterThanOrEqualTo(EXPIRY_MS);
        assertThat(sim.now - crashedAt).as("VIP unserved after the crash").isLessThan(5_000);
        assertThat(sim.log).anyMatch(l -> l.endsWith("tickles v1"));
    }

    @Test
    void aPartitionedOwnerStopsOnItsOwnBeforeTheOthersStart() {
        SimCluster sim = cluster();
        sim.partition(A, true);
        long stoppedAfter = sim.runUntil(() -> sim.servingAtEdge(V).isEmpty(), 5_000);
        assertThat(stoppedAfter).isLessThanOrEqualTo(CONFIG.lease().toMillis());
        assertThat(sim.nodes.get(A).addresses).isEmpty();
        long gap = sim.runUntil(() -> !sim.servingAtEdge(V).isEmpty(), 10_000);
        assertThat(gap).as("nobody serves between the two owners").isGreaterThanOrEqualTo(500);
        assertThat(sim.servingAtEdge(V)).doesNotContain(A);
        assertThat(sim.table.get(V).epoch()).isEqualTo(2);
    }

    @Test
    void anOwnerPausedPastItsLeaseNeverServesAgainUnderItsOldEpoch() {
        SimCluster sim = cluster();
        sim.pause(A);
        sim.run(8_000);
        assertThat(sim.nodes.get(A).machine.mayServe(V, sim.nodes.get(A).local())).isFalse();
        sim.resume(A);
        assertThat(sim.nodes.get(A).serving).isEmpty();
        assertThat(sim.nodes.get(A).addresses).isEmpty();
        assertThat(sim.nodes.get(A).machine.count(VipEvent.LEASE_EXPIRED)).isEqualTo(1);
    }

    @Test
    void fiftyPlannedMovesInARowEachFinishFastAndNeverOverlap() {
        SimCluster sim = cluster();
        List<NodeId> order = List.of(B, C, A);
        for (int i = 0; i < 50; i++) {
            NodeId to = order.get(i % 3);
            long epoch = sim.table.get(V).epoch();
            sim.toAll(new VipInput.MoveRequested(V, to));
            long took = sim.runUntil(() -> sim.servingAtEdge(V).equals(List.of(to)), 2_000);
            assertThat(took).as("move %d", i).isLessThan(300);
            assertThat(sim.table.get(V).epoch()).isEqualTo(epoch + 1);
            sim.run(1_000);
        }
        assertThat(sim.log).noneMatch(l -> l.endsWith("tickles v1"));
    }

    @Test
    void theNewOwnerStartsOnlyAfterTheOldOneDrainedAndRemovedItsAddress() {
        SimCluster sim = cluster();
        int from = sim.log.size();
        sim.toAll(new VipInput.MoveRequested(V, B));
        sim.run(1_000);
        List<String> move = sim.log.subList(from, sim.log.size()).stream().map(l -> l.substring(9)).toList();
        assertThat(move).containsSubsequence("a: stop-serving v1", "a: remove-address v1",
                "b: add-address v1", "b: announce v1", "b: start-serving v1 e2");
    }

    @Test
    void theCheckerCatchesObserversWhoseClocksOutrunTheMargin() {
        SimCluster sim = cluster();
        // Half again as fast: lease + margin on their clocks ends before the owner's lease does in real time.
        sim.nodes.get(B).rate = 1.5;
        sim.nodes.get(C).rate = 1.5;
        sim.partition(A, true);
        assertThatThrownBy(() -> sim.run(10_000)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a may serve v1 e1 but the table holds v1{SERVING b e2");
    }

    @Test
    void withoutQuorumTheOwnerStopsAndNobodyTakesOver() {
        SimCluster sim = cluster();
        sim.partition(B, true);
        sim.partition(C, true);
        sim.run(CONFIG.lease().toMillis() + 1_000);
        assertThat(sim.servingAtEdge(V)).isEmpty();
        sim.run(20_000);
        assertThat(sim.servingAtEdge(V)).isEmpty();
        assertThat(sim.table.get(V).epoch()).isEqualTo(1);
    }
}
