package dev.handoff.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import dev.handoff.it.netns.NetworkNamespace;
import dev.handoff.it.nfs3.Libnfs;
import dev.handoff.it.serve.HandoffBuild;
import dev.handoff.it.serve.HandoffProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./handoff serve --metrics 127.0.0.1:9108} in a network namespace, with Debian's Prometheus scraping it
 * every second in the same namespace: libnfs copies a file in and out, and the counters, the byte totals and
 * the latency histogram move in the raw scrape and in what Prometheus' query API computes from it; the live
 * scrape passes {@code promtool check metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class MetricsIT {
    private static final String SERVER = "127.0.0.1";
    private static final String METRICS = "http://127.0.0.1:9108";
    private static final String PROMETHEUS = "http://127.0.0.1:9090";
    private static final int FILE_SIZE = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path export;
    private NetworkNamespace ns;
    private HandoffProcess server;
    private Process prometheus;
    private Libnfs libnfs;
    private Scrape before;

    @BeforeAll
    void start() throws Exception {
        Prerequisites.requireRoot();
        Libnfs.requireTools();
        Prerequisites.requireTool("/usr/bin/curl", "curl");
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        Prerequisites.requireTool("/usr/bin/promtool", "prometheus");
        Prerequisites.requireTool("/usr/bin/prometheus", "prometheus");
        HandoffBuild.ensureBuilt();
        dir = Files.createTempDirectory("handoff-metrics-it");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        export = Files.createDirectory(dir.resolve("e"));
        Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rwxrwxrwx"));
        ns = NetworkNamespace.create("handoff-metrics");
        server = HandoffProcess.start(ns, dir.resolve("server.log"), "--export", export.toString(), "--bind", SERVER,
                "--state-dir", dir.resolve("state").toString(), "--metrics", "127.0.0.1:9108");
        server.awaitReady(Duration.ofSeconds(120), () -> {
            ns.exec("curl", "-sf", METRICS + "/ready");
            ns.exec("rpcinfo", "-t", SERVER, "nfs", "3");
        });
        libnfs = new Libnfs(ns, SERVER, Map.of("version", "3"));
        startPrometheus();
        before = scrape();
    }

    private void startPrometheus() throws Exception {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: handoff
                    static_configs:
                      - targets: ['127.0.0.1:9108']
                """);
        prometheus = new ProcessBuilder(ns.command("/usr/bin/prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:9090"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        // Traffic must come after a first sample, or increase() and rate() have nothing to start from.
        awaitQuery("up{job=\"handoff\"}", v -> v == 1, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (server != null) {
            server.close();
        }
        if (ns != null) {
            ns.close();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Through ToolRun, whose output goes to a file: a scrape is larger than a pipe's buffer. */
    private Scrape scrape() throws Exception {
        ToolRun r = ToolRun.run(ns.command("curl", "-sf", METRICS + "/metrics"), Duration.ofSeconds(30));
        assertThat(r.succeeded()).as(r::describe).isTrue();
        return new Scrape(r.output());
    }

    @Test
    @Order(1)
    void liveAndReadyAnswerOnceTheServerIsUp() throws Exception {
        assertThat(ns.exec("curl", "-sf", METRICS + "/live")).contains("live");
        assertThat(ns.exec("curl", "-sf", METRICS + "/ready")).contains("ready");
    }

    @Test
    @Order(2)
    void copyingAFileInAndOutMovesCallCountersBytesAndTheLatencyHistogram() throws Exception {
        Path source = dir.resolve("one.src");
        byte[] data = new byte[FILE_SIZE];
        new Random(6).nextBytes(data);
        Files.write(source, data);
        ToolRun in = libnfs.cp(source.toString(), libnfs.url(export, "one.bin"));
        assertThat(in.succeeded()).as(in::describe).isTrue();
        ToolRun out = libnfs.cp(libnfs.url(export, "one.bin"), dir.resolve("one.back").toString());
        assertThat(out.succeeded()).as(out::describe).isTrue();
        assertThat(libnfs.ls(libnfs.url(export, "")).succeeded()).isTrue();

        Scrape after = scrape();

        String write = "procedure=\"WRITE\"";
        String read = "procedure=\"READ\"";
        String nfs = "program=\"nfs\"";
        assertThat(after.sum("handoff_rpc_calls_total", nfs, write, "status=\"success\""))
                .as("%s", after.lines("handoff_rpc_calls_total"))
                .isGreaterThan(before.sum("handoff_rpc_calls_total", nfs, write, "status=\"success\""));
        assertThat(after.sum("handoff_rpc_calls_total", "program=\"mount\"", "procedure=\"MNT\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.sum("handoff_nfs3_written_bytes_total") - before.sum("handoff_nfs3_written_bytes_total"))
                .isGreaterThanOrEqualTo(FILE_SIZE);
        assertThat(after.sum("handoff_nfs3_read_bytes_total") - before.sum("handoff_nfs3_read_bytes_total"))
                .isGreaterThanOrEqualTo(FILE_SIZE);
        assertThat(after.sum("handoff_nfs3_replies_total", write, "status=\"NFS3_OK\"")).isPositive();
        assertThat(after.sum("handoff_rpc_call_duration_seconds_count", nfs, read))
                .isEqualTo(after.sum("handoff_rpc_calls_total", nfs, read));
        assertThat(after.sum("handoff_rpc_call_duration_seconds_bucket", nfs, read, "le=\"+Inf\""))
                .isEqualTo(after.sum("handoff_rpc_call_duration_seconds_count", nfs, read));
        assertThat(after.lines("handoff_rpc_connections")).anyMatch(l -> l.contains("local=\"127.0.0.1\""));
        assertThat(after.lines("handoff_rpc_inflight_calls")).anyMatch(l -> l.contains("listener=\"127.0.0.1\""));
        assertThat(after.lines("jvm_memory_used_bytes")).isNotEmpty();
    }

    @Test
    @Order(3)
    void theLiveScrapePassesPromtoolCheckMetrics() throws Exception {
        ToolRun lint = ToolRun.run(ns.command("sh", "-c",
                "curl -sf " + METRICS + "/metrics | /usr/bin/promtool check metrics"), Duration.ofSeconds(60));

        assertThat(lint.succeeded()).as(lint::describe).isTrue();
        assertThat(lint.output()).as(lint::describe).isBlank();
    }

    @Test
    @Order(4)
    void prometheusSeesTheRatesAndTheHistogramMoveWithTheTraffic() throws Exception {
        Duration wait = Duration.ofSeconds(30);
        awaitQuery("sum(handoff_nfs3_written_bytes_total)", v -> v >= FILE_SIZE, wait);
        awaitQuery("sum(increase(handoff_rpc_calls_total{program=\"nfs\",procedure=\"WRITE\"}[5m]))", v -> v > 0,
                wait);
        awaitQuery("sum(rate(handoff_nfs3_read_bytes_total[5m]))", v -> v > 0, wait);
        awaitQuery("histogram_quantile(0.5, sum by (le) "
                + "(rate(handoff_rpc_call_duration_seconds_bucket{program=\"nfs\",procedure=\"READ\"}[5m])))",
                v -> v > 0 && v <= 10, wait);
    }

    /** Polls Prometheus' instant-query API until the first result's value passes {@code check}. */
    private void awaitQuery(String query, java.util.function.DoublePredicate check, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            ToolRun r = ToolRun.run(ns.command("curl", "-sf", "--get", "--data-urlencode", "query=" + query,
                    PROMETHEUS + "/api/v1/query"), Duration.ofSeconds(10));
            last = r.output();
            if (r.succeeded()) {
                JsonNode result = JSON.readTree(r.output()).path("data").path("result");
                if (result.size() > 0) {
                    double v = Double.parseDouble(result.get(0).path("value").get(1).asText());
                    if (check.test(v)) {
                        return;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus query " + query + " never passed; last answer: " + last
                + "\nprometheus log tail:\n" + tail(dir.resolve("prometheus.log")) + "\nserver log tail:\n"
                + tail(dir.resolve("server.log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }
}
