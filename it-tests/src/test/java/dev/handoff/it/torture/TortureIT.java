package dev.handoff.it.torture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.it.cluster.HandoffCluster;
import dev.handoff.it.kernel.Event;
import dev.handoff.it.kernel.KernelClient;
import dev.handoff.it.kernel.KernelClientResult;
import dev.handoff.it.kernel.KernelClientRunBuilder;
import dev.handoff.it.nfs3.KernelExports;
import dev.handoff.it.serve.HandoffBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover torture: a three-node cluster serving two VIPs, two wire-level clients (one per VIP: writes FILE_SYNC
 * and UNSTABLE + COMMIT, CREATE/RENAME/REMOVE, NLM locks contended between them) and the Linux kernel client
 * (guest test torture-io through the first VIP), while host/cluster-torture.sh moves VIPs, kills owners with
 * SIGKILL, partitions them, freezes them with SIGSTOP and restarts servers. {@link HistoryChecker} then proves the
 * history: no acknowledged write lost, no wrong reply to a retransmission, the final files and listing explained,
 * no two lock holders at once, no VIP on two nodes.
 *
 * <p>Short form (default): two rounds of the five faults, about three minutes. Long form ({@code -Dhandoff.long=true},
 * {@code ./test --long}): {@code handoff.torture.minutes} (40) of faults. {@code handoff.torture.seed} replays a
 * schedule. Totals go to {@code ${handoff.totals.dir}/TortureIT.json}.
 */
@Tag("long-form")
class TortureIT {
    private static final Logger log = LoggerFactory.getLogger(TortureIT.class);
    private static final boolean LONG = Boolean.parseBoolean(System.getProperty("handoff.long", "false"));
    private static final String ALL_FAULTS = "move kill partition pause restart";
    /** The default run's kinds: all five, in two rounds. */
    private static final String SHORT_FAULTS = ALL_FAULTS;

    private KernelExports exports;

    @BeforeEach
    void prepare() throws Exception {
        KernelClient.assumeAvailable();
        HandoffBuild.ensureBuilt();
        String build = System.getProperty("handoff.buildDir");
        Path parent = build != null ? Path.of(build, "kernel-client-exports") : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        exports = KernelExports.create(parent, 0);
    }

    @AfterEach
    void removeExports() {
        if (exports != null) {
            exports.close();
        }
    }

    @Test
    void faultsUnderMixedIoLeaveAHistoryWithoutAnomalies() throws Exception {
        int seconds = LONG ? Integer.getInteger("handoff.torture.minutes", 40) * 60 : 30;
        KernelClientRunBuilder b = HandoffCluster.run("torture", exports, HandoffCluster.VIP2)
                .hostScript(HandoffCluster.hostScript("cluster-torture.sh"))
                .env("TORTURE_DURATION_S", Integer.toString(seconds))
                .env("TORTURE_MIN_ROUNDS", LONG ? "1" : "2")
                .env("GAP_MIN_S", LONG ? "2" : "1").env("GAP_MAX_S", LONG ? "5" : "2")
                .env("TORTURE_VIP2", HandoffCluster.VIP2)
                .env("TORTURE_KINDS", System.getProperty("handoff.torture.kinds", LONG ? ALL_FAULTS : SHORT_FAULTS))
                .env("TORTURE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                // Failsafe runs tests from a manifest-only jar; this property holds the real class path.
                .env("TORTURE_CP", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")))
                .guest("torture-io")
                // The guest loops until the host's end marker; it gives up only well after the schedule's end.
                .guestEnv("TORTURE_IO_MAX_S", Integer.toString(seconds + 600))
                .timeout(Duration.ofSeconds(seconds + 900)).serverStartTimeout(Duration.ofSeconds(120));
        String seed = System.getProperty("handoff.torture.seed", "");
        if (!seed.isBlank()) {
            b.env("TORTURE_SEED", seed);
        }
        KernelClientResult r = b.build().run();

        TortureRecord rec = TortureRecord.read(r.outDir());
        List<Anomaly> anomalies = HistoryChecker.check(rec.history(), ExportSnapshot.read(exports.noRootSquash()),
                rec.samples(), rec.addressEvents());
        // Logged before any assertion, so that a run failing on its clients (or cut short) still shows what the
        // checker found.
        anomalies.forEach(a -> log.warn("anomaly {}", a.describe()));
        Event torture = r.event("torture").orElseThrow(() -> new AssertionError(anomalies.size()
                + " anomalies in what was recorded; the scheduler did not finish:\n" + HandoffCluster.report(r)));
        writeTotals(rec, torture, anomalies.size());
        log.info("torture {}: {} operations (w1 {}, w2 {}, kernel {}), {} retransmitted, {} VIP samples, {} anomalies;"
                        + " results {}", torture, rec.history().size(), rec.operations("w1"), rec.operations("w2"),
                rec.operations("k0"), rec.retransmitted(), rec.samples().size(), anomalies.size(), r.outDir());

        assertThat(r.passed()).as(() -> HandoffCluster.report(r)).isTrue();
        assertThat(rec.operations("w1")).as("w1's operations").isPositive();
        assertThat(rec.operations("w2")).as("w2's operations").isPositive();
        assertThat(rec.operations("k0")).as("the kernel client's operations").isPositive();
        assertThat(anomalies).as(() -> "seed " + torture.value("seed").orElse("?") + ", results " + r.outDir() + "\n"
                + anomalies.stream().limit(30).map(Anomaly::describe).collect(Collectors.joining())
                + "faults (epoch microseconds):\n" + String.join("\n", rec.faults().subList(
                        Math.max(0, rec.faults().size() - 200), rec.faults().size()))).isEmpty();
    }

    private static void writeTotals(TortureRecord rec, Event torture, int anomalies) throws Exception {
        String dir = System.getProperty("handoff.totals.dir");
        if (dir == null) {
            return;
        }
        ObjectNode totals = new ObjectMapper().createObjectNode().put("test", "TortureIT")
                .put("operations", rec.history().size())
                .put("retransmitted", rec.retransmitted());
        for (String key : List.of("moves", "kills", "partitions", "pauses", "restarts", "failed_steps", "seed")) {
            totals.put(key, (long) torture.number(key).orElse(-1));
        }
        totals.put("vip_samples", rec.samples().size()).put("anomalies", anomalies);
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, "TortureIT.json"), totals.toString() + "\n");
    }
}
