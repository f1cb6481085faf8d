package dev.handoff.it.drc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.serve.HandoffBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator does with a running three-node cluster, through the real CLI inside each node's namespace:
 * move the VIP and see the move in {@code handoff status} and in every node's {@code /metrics} (the handoff
 * counter and each stage's duration), drain the new owner and see the VIP leave it, undrain it, and reload the
 * exports on one node and see every node reload.
 */
class ClusterOperationsIT {

    @Test
    void moveDrainAndReloadShowInStatusMetricsAndLogs() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        Prerequisites.requireTool("/usr/bin/curl", "curl");
        HandoffBuild.ensureBuilt();
        Path base = Files.createTempDirectory("handoff-ops-it");
        try (DrcCluster cluster = DrcCluster.create(base)) {
            cluster.startAll();
            int owner = cluster.awaitVipOwner(Duration.ofSeconds(60));
            int target = (owner + 1) % DrcCluster.SIZE;
            int bystander = (owner + 2) % DrcCluster.SIZE;
            try {
                operate(cluster, owner, target, bystander);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
            }
        }
    }

    private static void operate(DrcCluster cluster, int owner, int target, int bystander) throws Exception {
        String from = DrcCluster.name(owner);
        String to = DrcCluster.name(target);

        // Asked on a node that is neither end of the move: any node passes the request to the owner.
        String moved = cluster.cli(bystander, "vip", "move", DrcCluster.VIP, to, "--wait", "20");
        System.out.println("vip move:\n" + moved);
        assertThat(moved).contains("SERVING on " + to);
        assertThat(cluster.awaitVipOwner(Duration.ofSeconds(10))).isEqualTo(target);

        String status = awaitStatus(cluster, bystander, "handoff", from + "->" + to);
        System.out.println("status:\n" + status);
        assertThat(status).contains("acquire").contains(DrcCluster.VIP + "  " + to);

        assertThat(counter(cluster.scrape(owner), "handoff_vip_moves_total{kind=\"handoff\"}")).isEqualTo(1);
        assertThat(counter(cluster.scrape(target), "handoff_vip_moves_total{kind=\"acquire\"}")).isEqualTo(1);
        String oldScrape = cluster.scrape(owner);
        for (String stage : new String[] {"drain", "address-remove", "close", "total"}) {
            assertThat(counter(oldScrape, "handoff_vip_stage_duration_seconds_count{kind=\"handoff\",stage=\""
                    + stage + "\"}")).as("stage %s on the old owner", stage).isEqualTo(1);
        }
        String newScrape = cluster.scrape(target);
        for (String stage : new String[] {"address-add", "announce", "tickle", "total"}) {
            assertThat(counter(newScrape, "handoff_vip_stage_duration_seconds_count{kind=\"acquire\",stage=\""
                    + stage + "\"}")).as("stage %s on the new owner", stage).isEqualTo(1);
        }
        assertThat(counter(newScrape, "handoff_vip_owned{node=\"" + to + "\",vip=\"" + DrcCluster.VIP + "\"}"))
                .isEqualTo(1);
        assertThat(counter(oldScrape, "handoff_vip_owned{node=\"" + from + "\",vip=\"" + DrcCluster.VIP + "\"}"))
                .isEqualTo(0);

        String drained = cluster.cli(owner, "node", "drain", to, "--timeout", "30");
        System.out.println("node drain:\n" + drained);
        int afterDrain = cluster.awaitVipOwner(Duration.ofSeconds(10));
        assertThat(afterDrain).isNotEqualTo(target);
        assertThat(cluster.cli(bystander, "status", "--json")).contains("\"draining\":true");
        // A drained node takes no VIP, not even when asked.
        assertThat(runFails(cluster, afterDrain, "vip", "move", DrcCluster.VIP, to, "--wait", "5")).contains("drain");
        cluster.cli(bystander, "node", "undrain", to);
        assertThat(cluster.cli(bystander, "status", "--json")).doesNotContain("\"draining\":true");

        cluster.cli(owner, "exports", "reload");
        for (int node = 0; node < DrcCluster.SIZE; node++) {
            if (node != owner) {
                awaitLog(cluster, node, "exports reloaded on " + from + ": reloading here too");
            }
        }
    }

    private static String awaitStatus(DrcCluster cluster, int node, String... expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status = "";
        while (System.nanoTime() < end) {
            status = cluster.cli(node, "status");
            String s = status;
            if (java.util.Arrays.stream(expected).allMatch(s::contains)) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("status never showed " + String.join(", ", expected) + ":\n" + status);
    }

    private static void awaitLog(DrcCluster cluster, int node, String line) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cluster.log(node).contains(line)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(DrcCluster.name(node) + " never logged: " + line);
            }
            Thread.sleep(100);
        }
    }

    private static String runFails(DrcCluster cluster, int node, String... args) throws Exception {
        try {
            String out = cluster.cli(node, args);
            throw new AssertionError("expected handoff " + String.join(" ", args) + " to fail, it printed:\n" + out);
        } catch (java.io.IOException failed) {
            return failed.getMessage();
        }
    }

    /** The value of one series in a scrape; 0 when it is absent. */
    private static double counter(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
