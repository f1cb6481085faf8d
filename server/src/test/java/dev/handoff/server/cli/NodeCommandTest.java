package dev.handoff.server.cli;

import static dev.handoff.server.cli.ScriptedCluster.cluster;
import static dev.handoff.server.cli.ScriptedCluster.vip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.failover.ClusterControl.Outcome;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code handoff node drain|undrain} against a real admin API whose cluster empties the node over a few polls. */
class NodeCommandTest {
    private static final String A = "10.0.3.100";
    private static final String B = "10.0.3.101";
    private final ManualPacing time = new ManualPacing();

    private NodeCommand command() {
        NodeCommand c = new NodeCommand();
        c.pacing = time.pacing();
        return c;
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void drainWaitsUntilTheNodeNeitherServesNorReleasesAnyVipAndPrintsEachAsItLeaves() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster()
                .then(cluster(List.of(vip(A, "node1", 6, "SERVING", null), vip(B, "node1", 2, "SERVING", null),
                        vip("10.0.3.102", "node2", 1, "SERVING", null))))
                .then(cluster(List.of(vip(A, "node1", 6, "RELEASING", "node2"), vip(B, "node1", 2, "SERVING", null))))
                .then(cluster(List.of(vip(A, "node2", 7, "ACQUIRING", null), vip(B, "node1", 2, "RELEASING", "node2"))))
                .then(cluster(List.of(vip(A, "node2", 7, "SERVING", null), vip(B, "node2", 3, "ACQUIRING", null))));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "drain", "node1")).isZero();

            assertThat(api.out.toString()).isEqualTo(lines(
                    "node1: draining; it holds 10.0.3.100, 10.0.3.101",
                    "10.0.3.100: left node1 (ACQUIRING on node2)",
                    "10.0.3.101: left node1 (ACQUIRING on node2)",
                    "node1: drained after 300 ms"));
            assertThat(cluster.requests()).containsExactly("drain node1");
        }
    }

    @Test
    void aDrainThatDoesNotFinishInTimeExitsOneNamingTheVipsStillHeld() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster()
                .then(cluster(List.of(vip(A, "node1", 6, "RELEASING", "node2"), vip(B, "node2", 2, "SERVING", null))));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "drain", "node1", "--timeout", "1")).isEqualTo(AdminOption.FAILED);

            assertThat(api.out.toString()).isEqualTo(lines("node1: draining; it holds 10.0.3.100"));
            assertThat(api.err.toString()).isEqualTo(lines("handoff: node1 still holds 10.0.3.100 (RELEASING node1"
                    + " -> node2) after 1 s; it stays draining; see 'handoff status'; each VIP needs a live,"
                    + " undrained member to move to"));
        }
    }

    @Test
    void aRefusedDrainExitsOneWithTheReason() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster().then(cluster(List.of()))
                .answering(Outcome.refused("node9 is not a member"));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "drain", "node9")).isEqualTo(AdminOption.FAILED);

            assertThat(api.err.toString()).startsWith("handoff: draining node9 refused: node9 is not a member");
            assertThat(cluster.polls()).isZero();
        }
    }

    @Test
    void undrainAsksOnceAndPrintsTheAnswer() throws IOException {
        ScriptedCluster cluster = new ScriptedCluster().then(cluster(List.of()))
                .answering(Outcome.accepted("node1 takes VIPs again"));
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(), "undrain", "node1")).isZero();

            assertThat(api.out.toString()).isEqualTo(lines("node1: no longer draining (node1 takes VIPs again)"));
            assertThat(cluster.requests()).containsExactly("undrain node1");
        }
    }

    @Test
    void nothingListeningExitsTwo() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster())) {
            String closed = "127.0.0.1:" + AdminFixture.closedPort();
            assertThat(api.runBare(command(), "drain", "node1", "--admin", closed)).isEqualTo(AdminOption.UNREACHABLE);
            assertThat(api.runBare(command(), "undrain", "node1", "--admin", closed))
                    .isEqualTo(AdminOption.UNREACHABLE);
        }
    }
}
