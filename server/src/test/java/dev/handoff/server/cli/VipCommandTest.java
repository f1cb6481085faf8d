package dev.handoff.server.cli;

import static dev.handoff.server.cli.ScriptedCluster.cluster;
import static dev.handoff.server.cli.ScriptedCluster.report;
import static dev.handoff.server.cli.ScriptedCluster.vip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.failover.ClusterControl.Outcome;
import dev.handoff.server.admin.StandaloneControl;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code handoff vip move} against a real admin API whose cluster moves the VIP over a few polls. */
class VipCommandTest {
    private static final String VIP = "10.0.3.100";
    private final ManualPacing time = new ManualPacing();

    private VipCommand command() {
        VipCommand c = new VipCommand();
        c.pacing = time.pacing();
        c.zone = ZoneOffset.UTC;
        return c;
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void moveFollowsTheRowUntilTheTargetServesItThenPrintsTheStagesOfThatMove() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster()
                .then(cluster(List.of(vip(VIP, "node1", 6, "SERVING", null))))
                .then(cluster(List.of(vip(VIP, "node1", 6, "RELEASING", "node2"))))
                .then(cluster(List.of(vip(VIP, "node1", 6, "RELEASING", "node2"))))
                .then(cluster(List.of(vip(VIP, "node2", 7, "ACQUIRING", null))))
                .then(cluster(List.of(vip(VIP, "node2", 7, "SERVING", null)),
                        report(VIP, "acquire", "node2", 7, 143), report(VIP, "handoff", "node1", 7, 120),
                        report(VIP, "handoff", "node2", 2, 99)));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "move", VIP, "node2")).isZero();

            assertThat(api.out.toString()).isEqualTo(lines(
                    "10.0.3.100: SERVING on node1",
                    "10.0.3.100: RELEASING node1 -> node2",
                    "10.0.3.100: ACQUIRING on node2",
                    "10.0.3.100: SERVING on node2 (epoch 7) after 400 ms",
                    "handoff of 10.0.3.100 node1 -> node2 (epoch 7, reported by node1, 12:00:01.250): 120 ms, ok",
                    "  stop   0.5 ms",
                    "  drain  118 ms",
                    "  close  1.5 ms",
                    "acquire of 10.0.3.100 node1 -> node2 (epoch 7, reported by node2, 12:00:01.250): 143 ms, ok",
                    "  stop   0.5 ms",
                    "  drain  141 ms",
                    "  close  1.5 ms"));
            assertThat(api.err.toString()).isEmpty();
            assertThat(cluster.requests()).containsExactly("move 10.0.3.100 node2");
            // Five polls to see it served, one more for the reports (both there: no waiting).
            assertThat(cluster.polls()).isEqualTo(6);
        }
    }

    @Test
    void aVipAlreadyServedByTheTargetIsDoneAtTheFirstPoll() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster().then(cluster(List.of(vip(VIP, "node2", 7, "SERVING", null))));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "move", VIP, "node2")).isZero();

            assertThat(api.out.toString()).isEqualTo(lines("10.0.3.100: SERVING on node2 (epoch 7) after 0 ms"));
            // No report of this move ever comes: it waits a second for one, then says what it has.
            assertThat(time.pauses()).isEqualTo(10);
        }
    }

    @Test
    void aRefusedMoveExitsOneWithTheClustersReasonAndWhatToCheck() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster().then(cluster(List.of()))
                .answering(Outcome.refused("node9 is not a member"));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "move", VIP, "node9")).isEqualTo(AdminOption.FAILED);

            assertThat(api.err.toString()).isEqualTo(lines(
                    "handoff: moving 10.0.3.100 to node9 refused: node9 is not a member",
                    "see 'handoff status'; the target must be a live, undrained member"));
            assertThat(cluster.polls()).isZero();
        }
    }

    @Test
    void aMoveThatDoesNotFinishInTimeExitsOneNamingWhereTheVipIsStuck() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster()
                .then(cluster(List.of(vip(VIP, "node1", 6, "RELEASING", "node2"))));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "move", VIP, "node2", "--wait", "0.5")).isEqualTo(AdminOption.FAILED);

            assertThat(api.out.toString()).isEqualTo(lines("10.0.3.100: RELEASING node1 -> node2"));
            assertThat(api.err.toString()).isEqualTo(lines("handoff: 10.0.3.100 is not SERVING on node2 after 0.5 s"
                    + " (now RELEASING node1 -> node2); see 'handoff status'; the target must be a live, undrained"
                    + " member"));
            assertThat(cluster.polls()).as("at 0, 100, ..., 500 ms").isEqualTo(6);
        }
    }

    @Test
    void aServerWithoutAClusterRefusesAndSaysHowToStartOne() throws IOException {
        try (AdminFixture api = new AdminFixture(new StandaloneControl("host", () -> 0, () -> false))) {
            assertThat(api.run(command(), "move", VIP, "node2")).isEqualTo(AdminOption.FAILED);

            assertThat(api.err.toString()).contains("this server runs without a cluster (start it with --cluster ...)");
        }
    }

    @Test
    void nothingListeningExitsTwo() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster())) {
            int port = AdminFixture.closedPort();
            assertThat(api.runBare(command(), "move", VIP, "node2", "--admin", "127.0.0.1:" + port))
                    .isEqualTo(AdminOption.UNREACHABLE);

            assertThat(api.err.toString()).contains("nothing answers at 127.0.0.1:" + port).contains("handoff serve");
        }
    }
}
