package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API on an ephemeral loopback port, driven by raw HTTP requests and by {@link AdminClient}. */
class AdminHttpServerTest {
    @TempDir
    Path dir;
    private Path file;
    private AdminHttpServer server;
    private HttpClient http;

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("exports");
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n");
        ExportsAdmin admin = new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of(file));
        admin.reload();
        server = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), admin);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    private AdminClient client() {
        return new AdminClient(new AdminEndpoint("127.0.0.1", server.address().getPort()));
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getExportsAnswersTheTableAsJson() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/exports");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode srv = AdminJson.MAPPER.readTree(r.body()).get("exports").get(0);
        assertThat(srv.get("path").asText()).isEqualTo("/srv");
        assertThat(srv.get("id").asLong()).isPositive();
        assertThat(srv.get("clients").get(0).get("client").asText()).isEqualTo("10.0.0.0/8");
        assertThat(srv.get("line").asText()).isEqualTo("/srv 10.0.0.0/8(rw)");
    }

    @Test
    void postReloadAnswers200WithTheNewTable() throws Exception {
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n/pub *(ro)\n");

        HttpResponse<String> r = send("POST", "/v1/exports/reload");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = AdminJson.MAPPER.readTree(r.body());
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("warnings")).isEmpty();
        assertThat(body.get("exports")).hasSize(2);
    }

    @Test
    void aRejectedReloadAnswers422WithFileAndLineAndTheOldTable() throws Exception {
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n/pub *(rw,nonsense)\n");

        HttpResponse<String> r = send("POST", "/v1/exports/reload");

        assertThat(r.statusCode()).isEqualTo(422);
        ReloadReport report = AdminJson.MAPPER.readValue(r.body(), ReloadReport.class);
        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(2);
        });
        assertThat(report.exports()).extracting(ExportView::path).containsExactly("/srv");
        assertThat(client().reload()).as("the client reads a rejection as a report").isEqualTo(report);
    }

    @Test
    void wrongMethodsUnknownPathsAndWebPagesAreRefused() throws Exception {
        HttpResponse<String> wrongMethod = send("GET", "/v1/exports/reload");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(send("POST", "/v1/exports").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/v1/exportsx").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/v1/exports/reload", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
    }

    @Test
    void theClientReadsTheTableAndCallsANonListeningPortUnavailable() throws Exception {
        assertThat(client().exports().exports()).extracting(ExportView::path).containsExactly("/srv");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        AdminClient nobody = new AdminClient(new AdminEndpoint("127.0.0.1", closedPort));
        assertThatThrownBy(nobody::exports).isInstanceOf(AdminUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }
}
