package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's token: asked of every request when set, and required beyond loopback. */
class AdminTokenTest {
    private static final AdminToken TOKEN = new AdminToken("s3cret-token-0123456789");

    private static ExportsAdmin exports() {
        return new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of());
    }

    @Test
    void withATokenEveryRequestMustCarryIt() throws Exception {
        try (AdminHttpServer server = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                exports(), StandaloneControl.ofLocalHost(), ClientSources.NONE, Optional.of(TOKEN));
             HttpClient http = HttpClient.newHttpClient()) {
            URI status = URI.create("http://127.0.0.1:" + server.address().getPort() + "/v1/status");
            HttpResponse<String> none = http.send(HttpRequest.newBuilder(status).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("--admin-token-file");
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(status)
                    .header("Authorization", "Bearer s3cret-token-0123456788").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.address().getPort() + AdminHttpServer.RELOAD)).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).as("a reload without the token").isEqualTo(401);

            AdminEndpoint at = new AdminEndpoint("127.0.0.1", server.address().getPort());
            assertThat(new AdminClient(at, Optional.of(TOKEN)).status().clustered()).isFalse();
            assertThatThrownBy(() -> new AdminClient(at).status()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void beyondLoopbackTheApiRefusesToStartWithoutAToken() {
        assertThatThrownBy(() -> AdminHttpServer.start(new InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 0),
                exports(), StandaloneControl.ofLocalHost(), ClientSources.NONE, Optional.empty()))
                .isInstanceOf(IOException.class).hasMessageContaining("--admin-token-file");
    }

    @Test
    void aTokenFileIsReadStrippedAndAShortOneRefused(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("token"), "  s3cret-token-0123456789\n");
        assertThat(AdminToken.read(good)).isEqualTo(TOKEN);
        assertThat(AdminToken.read(good).toString()).doesNotContain("s3cret");
        Path shortOne = Files.writeString(dir.resolve("short"), "abc\n");
        assertThatThrownBy(() -> AdminToken.read(shortOne)).hasMessageContaining("at least 16");
    }
}
