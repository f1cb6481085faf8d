package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsHttpServerTest {
    private final AtomicBoolean ready = new AtomicBoolean();
    private ServerMetrics metrics;
    private MetricsHttpServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        metrics = ServerMetrics.create();
        server = MetricsHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics,
                ready::get);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
        http.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePrometheusTextFormatWithJvmMetrics() throws Exception {
        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(MetricsHttpServer.CONTENT_TYPE);
        assertThat(r.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("process_uptime_seconds")
                .contains("# HELP handoff_nfs3_read_bytes_total").contains("process_cpu_seconds_total")
                .contains("system_cpu_processors").doesNotContain("process_cpu_time_ns")
                .doesNotContain("system_cpu_count");
    }

    @Test
    void readyAnswers503UntilTheServerIsReadyWhileLiveAlwaysAnswers200() throws Exception {
        assertThat(get("/live").statusCode()).isEqualTo(200);
        assertThat(get("/ready").statusCode()).isEqualTo(503);

        ready.set(true);

        assertThat(get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAre404AndWritesAreRefused() throws Exception {
        assertThat(get("/v1/exports").statusCode()).isEqualTo(404);
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
