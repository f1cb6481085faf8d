package dev.handoff.it.nfs3;

import dev.handoff.it.serve.HandoffBuild;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.kernel.GuestResult;
import dev.handoff.it.kernel.GuestSpec;
import dev.handoff.it.kernel.KernelClient;
import dev.handoff.it.kernel.KernelClientResult;
import dev.handoff.it.kernel.KernelClientRun;
import dev.handoff.it.kernel.KernelClientRunBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./handoff serve} against the real Linux NFS client (Debian's kernel under qemu, see
 * it-tests/kernel-client): an administrator's work step by step (guest test {@code admin}), and a server
 * killed with SIGKILL and restarted under a guest that stays mounted and keeps reading and writing (guest test
 * {@code restart-rw}). The exports come from an exports file, one no_root_squash and one root_squash
 * ({@link KernelExports}); guests mount the exported paths themselves, as Handoff has no pseudo root.
 */
class KernelClientNfsIT {
    private static final Logger log = LoggerFactory.getLogger(KernelClientNfsIT.class);
    private static final int MANY = 10_000;
    /** Files the guest creates itself: about 1.7 s per thousand under TCG, so a thousand, not ten. */
    private static final int CREATED = 1_000;

    private KernelExports exports;

    @BeforeEach
    void prepare() throws Exception {
        KernelClient.assumeAvailable();
        HandoffBuild.ensureBuilt();
    }

    @AfterEach
    void removeExports() {
        if (exports != null) {
            exports.close();
        }
    }

    @Test
    void administratorsSessionWorksStepByStepOnBothExports() throws Exception {
        exports = KernelExports.create(exportsParent(), MANY);

        KernelClientResult r = run("nfs-admin")
                .guest(GuestSpec.of("admin")
                        .withEnv("ADMIN_SQUASH_EXPORT", exports.rootSquash().toString())
                        .withEnv("ADMIN_MANY", "many")
                        .withEnv("ADMIN_MANY_COUNT", Integer.toString(MANY))
                        .withEnv("ADMIN_CREATE_COUNT", Integer.toString(CREATED)))
                .timeout(Duration.ofSeconds(360))
                .build().run();

        assertThat(r.passed()).as(() -> report(r)).isTrue();
        GuestResult g = r.guest(0);
        assertThat(g.test("admin").passed()).as(() -> report(r)).isTrue();
        assertThat(g.metric("admin_ls_l_entries")).hasValue(MANY);
        log.info("admin: guest test {} s (ls -l of {} entries {} s, {} creates {} s, rm -rf {} s), whole run {} s",
                g.test("admin").seconds(), MANY, value(g.metric("admin_ls_l_s")), CREATED,
                value(g.metric("admin_create_s")), value(g.metric("admin_rm_rf_s")), value(r.timing("total_s")));
    }

    @Test
    void mountedClientKeepsReadingAndWritingThroughAServerKillAndRestart() throws Exception {
        exports = KernelExports.create(exportsParent(), 0);

        KernelClientResult r = run("nfs-restart")
                .guest(GuestSpec.of("restart-rw"))
                .hostScript("""
                        kc_wait_guest 0 'RESTART_RW start' 240 || exit 1
                        sleep 2
                        kc_node_kill 1 KILL
                        sleep 1
                        kc_server_start 1 || exit 1
                        touch "$EXPORT/restart-done-$RUN_ID" && kc_event restart_marker
                        """)
                .timeout(Duration.ofSeconds(180))
                .build().run();

        assertThat(r.passed()).as(() -> report(r)).isTrue();
        assertThat(r.events("node_kill")).as(() -> report(r)).hasSize(1);
        assertThat(r.nodes()).as("server starts: the first and the restart").hasSize(2)
                .allSatisfy(n -> assertThat(n.value("status")).hasValue("up"));
        GuestResult g = r.guest(0);
        assertThat(g.metric("restart_rw_errors")).as(() -> report(r)).hasValue(0);
        assertThat(g.metric("restart_rw_marker_s")).as("the guest saw the host's marker through its mount")
                .isPresent();
        // the server is down for over 2 s (1 s, then a JVM start): an iteration that waited that long proves the
        // guest's I/O spanned the outage rather than happening around it
        assertThat(g.metric("restart_rw_max_iteration_ms").orElse(0)).as(() -> report(r))
                .isGreaterThanOrEqualTo(1000);
        log.info("restart: {} iterations, longest {} ms, server up again {} s after its start; run {} s",
                value(g.metric("restart_rw_iterations")), value(g.metric("restart_rw_max_iteration_ms")),
                value(r.nodes().get(1).number("secs")), value(r.timing("total_s")));
    }

    /** A run serving {@link #exports}, guests mounting its no_root_squash export. */
    private KernelClientRunBuilder run(String name) {
        return KernelClientRun.builder(name)
                .serverCommand(exports.serverCommand())
                .env("EXPORT_DIR", exports.root().toString())
                .env("EXPORT", exports.noRootSquash().toString());
    }

    private static Path exportsParent() {
        String build = System.getProperty("handoff.buildDir");
        return build != null ? Path.of(build, "kernel-client-exports") : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String value(OptionalDouble v) {
        return v.isPresent() ? String.valueOf(v.getAsDouble()) : "?";
    }

    /** The summary, each guest's failed steps and the end of the server's log: what a bug report needs. */
    private static String report(KernelClientResult r) {
        StringBuilder b = new StringBuilder(r.describe());
        for (GuestResult g : r.guests()) {
            List<String> fails = lines(r.outDir().resolve("guest" + g.index() + ".console.log")).stream()
                    .filter(l -> l.contains("FAIL:") || l.contains("expected '")).toList();
            b.append("guest").append(g.index()).append(" failed steps:\n");
            fails.forEach(l -> b.append("  ").append(l).append('\n'));
        }
        List<String> server = lines(r.outDir().resolve("node1/server.log"));
        b.append("node1/server.log (last 40 lines):\n");
        server.subList(Math.max(0, server.size() - 40), server.size()).forEach(l -> b.append("  ").append(l).append('\n'));
        return b.toString();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }
}
