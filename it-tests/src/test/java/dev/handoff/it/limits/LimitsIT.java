package dev.handoff.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.Bridge;
import dev.handoff.it.netns.NetworkNamespace;
import dev.handoff.it.serve.HandoffBuild;
import dev.handoff.it.serve.HandoffProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every limit on what clients can make the server hold, met over the wire: {@code ./handoff serve} with small
 * limits in one namespace, {@link LimitsProbe} in another with two client addresses, joined by a bridge.
 *
 * <pre>
 *   [server 10.78.0.1 eth0] --- [hub: br0] --- [client eth0: A 10.78.0.2, B 10.78.0.3]
 * </pre>
 *
 * The probe meets each limit (connections in all and per address, calls in flight, record size, reply cache
 * bytes, locks and blocked waits per client, and GRANTED callbacks to a client that went dark); then the
 * server's /metrics must show each one counted, and the callbacks under way held at the bound.
 */
class LimitsIT {
    private static final String SERVER = "10.78.0.1";
    private static final String A = "10.78.0.2";
    private static final String B = "10.78.0.3";
    private static final String METRICS = "http://" + SERVER + ":9108";

    @Test
    void eachLimitIsHitOverTheWireAndCounted() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/bin/curl", "curl");
        HandoffBuild.ensureBuilt();
        Path dir = Files.createTempDirectory("handoff-limits-it");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path export = Files.createDirectory(dir.resolve("e"));
        Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rwxrwxrwx"));
        for (String name : List.of("drc-file", "lock-file", "wait-file")) {
            Path f = Files.writeString(export.resolve(name), "limits\n");
            Files.setAttribute(f, "unix:uid", 1000);
            Files.setAttribute(f, "unix:gid", 1000);
        }
        try (Bridge bridge = Bridge.create("hlim-hub");
             NetworkNamespace serverNs = NetworkNamespace.create("hlim-srv");
             NetworkNamespace clientNs = NetworkNamespace.create("hlim-cli")) {
            bridge.attach(serverNs, SERVER + "/24");
            bridge.attach(clientNs, A + "/24");
            clientNs.exec("ip", "addr", "add", B + "/24", "dev", Bridge.INTERFACE);
            try (HandoffProcess server = HandoffProcess.start(serverNs, dir.resolve("server.log"),
                    "--export", export.toString(), "--bind", SERVER, "--state-dir", dir.resolve("state").toString(),
                    "--metrics", SERVER + ":9108", "--grace", "0",
                    "--max-connections", "5", "--max-connections-per-client", "3",
                    "--max-in-flight-per-connection", "2", "--max-record-size", "4096",
                    "--reply-cache-max-bytes", "16384", "--max-locks-per-client", "4",
                    "--max-waits-per-client", "6", "--max-pending-callbacks", "2")) {
                server.awaitReady(Duration.ofSeconds(120), () -> serverNs.exec("curl", "-sf", METRICS + "/ready"));

                Path scrapeFile = dir.resolve("scrape.txt");
                Map<String, String> seen = runProbe(clientNs, export, scrapeFile, dir.resolve("probe.log"));
                String why = seen + "\n" + server.log();
                assertThat(seen).as(why).containsEntry("done", "1")
                        .containsEntry("connections.a", "3").containsEntry("connections.b", "2")
                        .containsEntry("inflight.answered", "40").containsEntry("record.closed", "1")
                        .containsEntry("drc.setattr.ok", "300")
                        .containsEntry("locks.statuses", "[0,0,0,0,2]")
                        .containsEntry("waits.holder", "0").containsEntry("waits.statuses", "[3,3,3,3,3,3,2]")
                        .containsEntry("waits.others.blocked", "54").containsEntry("waits.unlock", "0");

                String scrape = Files.readString(scrapeFile);
                assertThat(reached(scrape, "connections")).as(scrape).isEqualTo(1);
                assertThat(reached(scrape, "connections_per_client")).isEqualTo(1);
                assertThat(reached(scrape, "in_flight_per_connection")).isGreaterThanOrEqualTo(1);
                assertThat(reached(scrape, "record_size")).isEqualTo(1);
                assertThat(reached(scrape, "reply_cache")).isGreaterThanOrEqualTo(1)
                        .isEqualTo(sample(scrape, "handoff_drc_evictions_total"));
                assertThat(sample(scrape, "handoff_drc_size_bytes")).isBetween(1.0, 16384.0);
                assertThat(reached(scrape, "locks_per_client")).isEqualTo(1);
                assertThat(reached(scrape, "waits_per_client")).isEqualTo(1);
                // Sixty grants due at once to clients that never answer: two under way, the rest dropped at once
                // (their locks released), so nothing piles up in the server.
                assertThat(sample(scrape, "handoff_nlm_callbacks_outstanding_callbacks")).isEqualTo(2);
                assertThat(reached(scrape, "pending_callbacks")).isEqualTo(58);
                assertThat(sample(scrape, "handoff_nlm_granted_callbacks_total{result=\"failed\"}")).isEqualTo(58);
                assertThat(sample(scrape, "handoff_nlm_pending_grants")).isLessThanOrEqualTo(2);
                assertThat(sample(scrape, "handoff_nlm_blocked_waits")).isZero();
                assertThat(sample(scrape, "handoff_limit_configured{limit=\"pending_callbacks\"}")).isEqualTo(2);
            }
        }
    }

    private static Map<String, String> runProbe(NetworkNamespace ns, Path export, Path scrape, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Failsafe runs tests from a manifest-only jar; this property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = ns.command(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                LimitsProbe.class.getName(), SERVER, A, B, export.toString(), METRICS + "/metrics",
                scrape.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        Map<String, String> seen = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.matches("[a-z.]+=\\S+")) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        seen.put("probe output", Files.readString(log));
        return seen;
    }

    private static double reached(String scrape, String limit) {
        return sample(scrape, "handoff_limit_reached_events_total{limit=\"" + limit + "\"}");
    }

    /** The value of the one sample named exactly so (with its labels, as written); NaN when absent. */
    private static double sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(Double.NaN);
    }
}
