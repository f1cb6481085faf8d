package dev.handoff.server.cli;

import static dev.handoff.server.cli.ScriptedCluster.cluster;
import static dev.handoff.server.cli.ScriptedCluster.vip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.cluster.failover.ClusterStatus;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code handoff status} against a real admin API. */
class StatusCommandTest {
    private static final ClusterStatus ON_NODE1 = cluster(List.of(vip("10.0.3.100", "node1", 6, "SERVING", null)));
    private static final ClusterStatus RELEASING =
            cluster(List.of(vip("10.0.3.100", "node1", 6, "RELEASING", "node2")));
    private static final ClusterStatus ON_NODE2 = cluster(List.of(vip("10.0.3.100", "node2", 7, "SERVING", null)));

    private StatusCommand command(ManualPacing time) {
        StatusCommand c = new StatusCommand();
        c.pacing = time.pacing();
        c.zone = ZoneOffset.UTC;
        return c;
    }

    @Test
    void printsTheTableOnceAndExitsZero() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster().then(ON_NODE1))) {
            assertThat(api.run(command(new ManualPacing()))).isZero();

            assertThat(api.out.toString()).isEqualTo(StatusTable.render(ON_NODE1, ZoneOffset.UTC));
        }
    }

    @Test
    void jsonIsTheApisAnswerOnOneLine() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster().then(ON_NODE1))) {
            assertThat(api.run(command(new ManualPacing()), "--json")).isZero();

            assertThat(api.out.toString().lines()).singleElement().satisfies(
                    l -> assertThat(new ObjectMapper().readValue(l, ClusterStatus.class)).isEqualTo(ON_NODE1));
        }
    }

    @Test
    void watchReprintsEveryPeriodSoAMoveShowsAsItHappensUntilInterrupted() throws IOException {
        ManualPacing time = new ManualPacing(2);
        ScriptedCluster cluster = new ScriptedCluster().then(ON_NODE1).then(RELEASING).then(ON_NODE2);
        try (AdminFixture api = new AdminFixture(cluster)) {
            assertThat(api.run(command(time), "--watch", "2")).isZero();

            assertThat(api.out.toString()).isEqualTo(StatusTable.render(ON_NODE1, ZoneOffset.UTC)
                    + System.lineSeparator() + StatusTable.render(RELEASING, ZoneOffset.UTC)
                    + System.lineSeparator() + StatusTable.render(ON_NODE2, ZoneOffset.UTC));
            assertThat(cluster.polls()).isEqualTo(3);
            assertThat(time.instant()).as("two pauses of 2 s").isEqualTo("2025-03-01T12:00:04Z");
        }
    }

    @Test
    void watchWithJsonPrintsOneLinePerPoll() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster().then(ON_NODE1).then(ON_NODE2))) {
            assertThat(api.run(command(new ManualPacing(1)), "--json", "--watch", "0.5")).isZero();

            assertThat(api.out.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"node\":\"node1\""));
        }
    }

    @Test
    void nothingListeningExitsTwoEvenWithWatch() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster())) {
            String closed = "127.0.0.1:" + AdminFixture.closedPort();
            assertThat(api.runBare(command(new ManualPacing()), "--admin", closed))
                    .isEqualTo(AdminOption.UNREACHABLE);
            assertThat(api.runBare(command(new ManualPacing()), "--watch", "1", "--admin", closed))
                    .isEqualTo(AdminOption.UNREACHABLE);

            assertThat(api.err.toString()).contains("nothing answers at " + closed).contains("handoff serve");
        }
    }

    @Test
    void aWatchPeriodOfZeroIsAUsageError() throws IOException {
        try (AdminFixture api = new AdminFixture(new ScriptedCluster().then(ON_NODE1))) {
            assertThat(api.run(command(new ManualPacing()), "--watch", "0")).isEqualTo(2);
            assertThat(api.err.toString()).contains("--watch needs a number of seconds above 0");
        }
    }

    @Test
    void theOperatorVerbsAreSubcommandsOfHandoff() {
        CommandLine handoff = new CommandLine(new HandoffCommand());

        assertThat(handoff.getSubcommands()).containsKeys("status", "vip", "node");
        assertThat(handoff.getSubcommands().get("vip").getSubcommands()).containsKey("move");
        assertThat(handoff.getSubcommands().get("node").getSubcommands()).containsKeys("drain", "undrain");
    }
}
