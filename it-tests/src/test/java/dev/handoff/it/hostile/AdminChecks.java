package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.ADMIN_PORT;
import static dev.handoff.it.hostile.HostileTree.SERVER;
import static dev.handoff.it.hostile.HostileTree.UNLISTED;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The admin HTTP API listening beyond loopback with {@code --admin-token-file}: every route, asked without a
 * token and with a wrong one, answers 401 (403 would do) and does nothing; the proof of "nothing" is a reload
 * asked without the token after the exports file gained a line, which must not show up in the table. The right
 * token is then accepted, so the refusals are not a server that refuses everything.
 */
final class AdminChecks {
    private static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "/v1/exports"},
            new String[] {"POST", "/v1/exports/reload"},
            new String[] {"GET", "/v1/status"},
            new String[] {"GET", "/v1/clients"},
            new String[] {"GET", "/v1/locks"},
            new String[] {"POST", "/v1/vips/" + SERVER + "/move?to=elsewhere"},
            new String[] {"POST", "/v1/nodes/node-1/drain"},
            new String[] {"POST", "/v1/nodes/node-1/undrain"},
            new String[] {"GET", "/no/such/route"});

    private AdminChecks() {
    }

    static void run(Session s) throws Exception {
        HttpClient http = HttpClient.newBuilder().localAddress(HostileTree.address(UNLISTED))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String original = Files.readString(s.tree().exportsFile());
        String marker = s.tree().export("outside").toString();
        Files.writeString(s.tree().exportsFile(), original + marker + " *(rw,insecure,no_root_squash)\n");
        try {
            for (String token : new String[] {null, "Bearer wrong-token-of-enough-length", "Basic " + s.tree().token(),
                    s.tree().token()}) {
                String label = token == null ? "no-token" : token.startsWith("Bearer") ? "wrong-token"
                        : token.startsWith("Basic") ? "basic-scheme" : "bare-token";
                for (String[] route : ROUTES) {
                    s.checks().check("admin." + label + "." + route[0] + route[1].replaceAll("[/?=]", "_"), () -> {
                        int code = send(http, route[0], route[1], token);
                        Checks.expect(code == 401 || code == 403, "%s %s with %s answered %d, want 401", route[0],
                                route[1], label, code);
                        return Integer.toString(code);
                    });
                }
            }
            s.checks().check("admin.unauthorized-reload-changed-nothing", () -> {
                HttpResponse<String> r = http.send(request("GET", "/v1/exports", "Bearer " + s.tree().token()),
                        HttpResponse.BodyHandlers.ofString());
                Checks.expect(r.statusCode() == 200, "GET /v1/exports with the token answered %d", r.statusCode());
                Checks.expect(!r.body().contains(marker), "an unauthorized reload took effect: %s", r.body());
                return "the right token is accepted, and the table is the one from the start";
            });
        } finally {
            Files.writeString(s.tree().exportsFile(), original);
        }
    }

    private static int send(HttpClient http, String method, String path, String authorization) throws Exception {
        return http.send(request(method, path, authorization), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(String method, String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + SERVER + ":" + ADMIN_PORT + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }
}
