package dev.handoff.it.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.kernel.GuestResult;
import dev.handoff.it.kernel.KernelClient;
import dev.handoff.it.kernel.KernelClientResult;
import dev.handoff.it.kernel.KernelClientRun;
import dev.handoff.it.kernel.KernelClientRunBuilder;
import dev.handoff.it.nfs3.KernelExports;
import dev.handoff.it.serve.HandoffBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NLM and NSM of {@code ./handoff serve} against the Linux kernel's lockd and statd (Debian's kernel under qemu,
 * see it-tests/kernel-client): fcntl and flock locks from one guest, a conflict between two guests settled by the
 * server's GRANTED callback, a lock held across a server restart, reclaimed in a grace period that ends early, and
 * the locks of a client that reboots (its statd's SM_NOTIFY) released.
 */
class KernelLockingIT {
    private static final Logger log = LoggerFactory.getLogger(KernelLockingIT.class);
    /** The holder keeps its lock this long after the contender blocks (guest test 'holder'). */
    private static final double HOLD_S = 2.0;

    private KernelExports exports;

    @BeforeEach
    void prepare() throws Exception {
        KernelClient.assumeAvailable();
        HandoffBuild.ensureBuilt();
        exports = KernelExports.create(exportsParent(), 0);
    }

    @AfterEach
    void removeExports() {
        if (exports != null) {
            exports.close();
        }
    }

    @Test
    void flockAndFcntlLocksWorkThroughTheServer() throws Exception {
        KernelClientResult r = run("locking").guest("locking").guestEnv("LOCK_GRANT_MAX_S", "5")
                .timeout(Duration.ofSeconds(150)).build().run();

        assertThat(r.passed()).as(() -> report(r)).isTrue();
        assertThat(r.guest(0).test("locking").passed()).isTrue();
        log.info("locking: F_SETLKW waited {} s; run {} s", r.guest(0).metric("locking_setlkw_wait_s").orElse(-1),
                r.timing("total_s").orElse(-1));
    }

    @Test
    void blockedLockOfASecondClientIsGrantedByCallbackWithinASecondOfTheRelease() throws Exception {
        KernelClientResult r = run("holder-contender").guest("holder").guest("contender")
                .timeout(Duration.ofSeconds(150)).build().run();

        assertThat(r.passed()).as(() -> report(r)).isTrue();
        double wait = r.guest(1).metric("twoclient_setlkw_wait_s").orElseThrow();
        // The wait spans the holder's 2 s hold, its noticing the contender's marker (0.1 s polls) and the grant:
        // without the callback it would be the client's 30 s re-poll.
        assertThat(wait).as(() -> report(r)).isLessThan(HOLD_S + 1.0);
        log.info("holder/contender: F_SETLKW waited {} s (hold {} s): grant within {} s of the release; run {} s",
                wait, HOLD_S, String.format("%.2f", wait - HOLD_S), r.timing("total_s").orElse(-1));
    }

    @Test
    void lockHeldAcrossAServerRestartIsReclaimedAndGraceEndsEarly() throws Exception {
        KernelClientResult r = run("reclaim").serverCommand(serverCommand("--grace 60"))
                .guest("reclaim-holder").guest("reclaim-contender")
                .hostScript("""
                        kc_wait_guest 0 'RECLAIM holding' 240 || exit 1
                        sleep 1
                        kc_node_kill 1 KILL
                        sleep 1
                        kc_server_start 1 || exit 1
                        touch "$EXPORT/restart-done-$RUN_ID" && kc_event restart_marker
                        """)
                .timeout(Duration.ofSeconds(200)).build().run();

        assertThat(r.passed()).as(() -> report(r)).isTrue();
        assertThat(r.events("node_kill")).hasSize(1);
        List<String> server = lines(r.outDir().resolve("node1/server.log"));
        assertThat(server).as("the restarted server waits for the guest that held a lock")
                .anyMatch(l -> l.contains("NLM grace period started, waiting for 1 client(s)"));
        assertThat(server).as("the guest reclaimed").anyMatch(l -> l.contains("reclaimed"));
        assertThat(server).as("grace ends once the guest has reclaimed, not after 60 s")
                .anyMatch(l -> l.contains("NLM grace period ended early"));
        GuestResult holder = r.guest(0);
        assertThat(holder.metric("reclaim_new_lock_s").orElseThrow()).isLessThan(30);
        log.info("reclaim: new lock {} s after the restart marker, contender denied after {} s; run {} s",
                holder.metric("reclaim_new_lock_s").orElse(-1),
                r.guest(1).metric("reclaim_contender_denied_s").orElse(-1), r.timing("total_s").orElse(-1));
    }

    @Test
    void locksOfAClientThatRebootedAreReleasedWhenItNotifies() throws Exception {
        KernelClientResult r = run("reboot").guest("reboot-holder").guest("reboot-contender")
                .timeout(Duration.ofSeconds(150)).build().run();

        assertThat(r.passed()).as(() -> report(r)).isTrue();
        assertThat(r.guest(1).metric("reboot_freed_s").orElseThrow()).isLessThan(5);
        log.info("reboot: lock free {} s after the holder's SM_NOTIFY; run {} s",
                r.guest(1).metric("reboot_freed_s").orElse(-1), r.timing("total_s").orElse(-1));
    }

    private KernelClientRunBuilder run(String name) {
        return KernelClientRun.builder("nlm-" + name)
                .serverCommand(serverCommand(""))
                .env("EXPORT_DIR", exports.root().toString())
                .env("EXPORT", exports.noRootSquash().toString());
    }

    /** As {@link KernelExports#serverCommand()}, with extra options. */
    private String serverCommand(String options) {
        return "HANDOFF_NO_BUILD=1 ./handoff serve --exports '" + exports.exportsFile() + "' --state-dir "
                + "\"$NODE_DIR/state\" " + options + " &";
    }

    private static Path exportsParent() {
        String build = System.getProperty("handoff.buildDir");
        return build != null ? Path.of(build, "kernel-client-exports") : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The summary and the end of the server's log. */
    private static String report(KernelClientResult r) {
        StringBuilder b = new StringBuilder(r.describe());
        List<String> server = lines(r.outDir().resolve("node1/server.log"));
        b.append("node1/server.log (last 40 lines):\n");
        server.subList(Math.max(0, server.size() - 40), server.size())
                .forEach(l -> b.append("  ").append(l).append('\n'));
        return b.toString();
    }
}
