package dev.handoff.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.kernel.Event;
import dev.handoff.it.kernel.GuestResult;
import dev.handoff.it.kernel.KernelClient;
import dev.handoff.it.kernel.KernelClientResult;
import dev.handoff.it.nfs3.KernelExports;
import dev.handoff.it.serve.HandoffBuild;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rolling upgrade of the deploy guide, with the Linux client writing through the VIP the whole time: each node
 * in turn is drained ({@code handoff node drain}, its VIP moves away as planned), stopped with SIGTERM, started
 * again, and undrained once it has rejoined. No I/O error, every record read back, the longest stall printed.
 */
class ClusterRollingRestartIT {
    private static final Logger log = LoggerFactory.getLogger(ClusterRollingRestartIT.class);

    private KernelExports exports;

    @BeforeEach
    void prepare() throws Exception {
        KernelClient.assumeAvailable();
        HandoffBuild.ensureBuilt();
        exports = KernelExports.create(ClusterFailoverIT.exportsParent(), 0);
    }

    @AfterEach
    void removeExports() {
        if (exports != null) {
            exports.close();
        }
    }

    @Test
    void everyNodeRestartedInTurnAfterADrainLeavesTheClientWithoutErrors() throws Exception {
        KernelClientResult r = HandoffCluster.run("rolling", exports)
                .hostScript(HandoffCluster.hostScript("cluster-rolling.sh"))
                .guest("continuous-io").guestEnv("IO_DURATION", "90").guestEnv("IO_STALL_MS", "100")
                .timeout(Duration.ofSeconds(300)).serverStartTimeout(Duration.ofSeconds(90))
                .build().run();

        assertThat(r.passed()).as(() -> HandoffCluster.report(r)).isTrue();
        Event rolling = r.event("rolling").orElseThrow();
        assertThat(rolling.number("done")).as(() -> HandoffCluster.report(r)).hasValue(3);
        assertThat(rolling.number("failed")).hasValue(0);
        GuestResult io = r.guest(0);
        assertThat(io.test("continuous-io").passed()).as(() -> HandoffCluster.report(r)).isTrue();
        assertThat(io.iostat("errors")).as("I/O errors at the client").hasValue(0);
        assertThat(io.ioverify("bad")).as("records read back wrong").hasValue(0);
        assertThat(io.ioverify("unverified")).as("records not read back").hasValue(0);
        log.info("rolling restart of 3 nodes: {}; longest I/O stall {} ms; {}; run {} s", rolling,
                io.iostat("max_stall_ms").orElse(-1), r.event("vip_watch").map(Event::toString).orElse(""),
                r.timing("total_s").orElse(-1));
        assertThat(r.event("vip_watch").orElseThrow().number("overlaps")).as("moments two nodes held the VIP")
                .hasValue(0);
    }
}
