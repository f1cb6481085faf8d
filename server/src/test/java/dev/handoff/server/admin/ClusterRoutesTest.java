package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.cluster.failover.ClusterControl;
import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.cluster.failover.HandoffReport;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster routes of the API on an ephemeral loopback port, in front of a fake {@link ClusterControl}. */
class ClusterRoutesTest {
    private static final ClusterStatus STATUS = new ClusterStatus("node1", true, true, 3,
            List.of(new ClusterStatus.Member("node1", "10.0.3.1:5701", false, false, true)),
            List.of(new ClusterStatus.Vip("10.0.3.100", "node1", 6, "RELEASING", "node2", 12, "releasing", 0.25,
                    List.of("10.0.3.50:812"))),
            false, 3, List.of(new HandoffReport("10.0.3.99", "takeover", "node1", "node3", "node1", 4,
                    "2025-03-01T12:00:00Z", stages(), 812.5, "ok")));

    private final FakeControl control = new FakeControl();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AdminHttpServer server;

    private static Map<String, Double> stages() {
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("lease-expired", 800.0);
        stages.put("address-added", 12.5);
        return stages;
    }

    /** Answers {@link #STATUS}, records requests, refuses the VIP "refused" and the node "refused". */
    private static class FakeControl implements ClusterControl {
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ClusterStatus status() {
            return STATUS;
        }

        @Override
        public Outcome move(VipId vip, NodeId to) {
            requests.add("move " + vip + " " + to);
            return vip.name().equals("refused") ? Outcome.refused("no such VIP: refused")
                    : Outcome.accepted("asked node1 to hand " + vip + " to " + to);
        }

        @Override
        public Outcome drain(NodeId node, boolean drain) {
            requests.add((drain ? "drain " : "undrain ") + node);
            return node.name().equals("refused") ? Outcome.refused("no such member: refused")
                    : Outcome.accepted(node + (drain ? " draining" : " undrained"));
        }
    }

    private void start(ClusterControl c) throws IOException {
        ExportsAdmin exports = new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        server = c == null ? AdminHttpServer.start(loopback, exports) : AdminHttpServer.start(loopback, exports, c);
    }

    @AfterEach
    void tearDown() {
        http.close();
        if (server != null) {
            server.close();
        }
    }

    private AdminClient client() {
        return new AdminClient(new AdminEndpoint("127.0.0.1", server.address().getPort()));
    }

    private HttpResponse<String> send(String method, String rawPath) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + rawPath))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getStatusAnswersTheControlsStatusAsJsonThatTheClientReadsBack() throws Exception {
        start(control);

        HttpResponse<String> r = send("GET", "/v1/status");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = AdminJson.MAPPER.readTree(r.body());
        assertThat(body.get("vips").get(0).get("target").asText()).isEqualTo("node2");
        assertThat(body.get("recent").get(0).get("stagesMs").fieldNames()).toIterable()
                .containsExactly("lease-expired", "address-added");
        assertThat(client().status()).isEqualTo(STATUS);
        assertThat(client().statusJson()).isEqualTo(r.body());
    }

    @Test
    void anAcceptedRequestAnswers202AndARefusedOne409WithTheControlsMessage() throws Exception {
        start(control);

        HttpResponse<String> accepted = send("POST", "/v1/vips/10.0.3.100/move?to=node2");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(AdminJson.MAPPER.readTree(accepted.body()).get("accepted").asBoolean()).isTrue();
        HttpResponse<String> refused = send("POST", "/v1/nodes/refused/drain");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(AdminJson.MAPPER.readTree(refused.body()).get("message").asText())
                .isEqualTo("no such member: refused");

        assertThat(client().move("refused", "node2"))
                .isEqualTo(ClusterControl.Outcome.refused("no such VIP: refused"));
        assertThat(client().drain("node1")).isEqualTo(ClusterControl.Outcome.accepted("node1 draining"));
        assertThat(client().undrain("node1")).isEqualTo(ClusterControl.Outcome.accepted("node1 undrained"));
        assertThat(control.requests).containsExactly("move 10.0.3.100 node2", "drain refused", "move refused node2",
                "drain node1", "undrain node1");
    }

    @Test
    void namesWithSlashesColonsAndSpacesArriveAsTheClientSentThem() throws Exception {
        start(control);

        client().move("10.0.3.100/24", "node 2+");
        client().move("fd00::100", "node2");
        client().drain("a/b");

        assertThat(control.requests).containsExactly("move 10.0.3.100/24 node 2+", "move fd00::100 node2",
                "drain a/b");
    }

    @Test
    void aMoveWithoutTargetOrWithAnOversizeNameIsABadRequest() throws Exception {
        start(control);

        HttpResponse<String> noTarget = send("POST", "/v1/vips/10.0.3.100/move");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(AdminJson.MAPPER.readTree(noTarget.body()).get("error").asText()).contains("?to=NODE");
        assertThat(send("POST", "/v1/vips/10.0.3.100/move?to=").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/v1/nodes/" + "n".repeat(NodeId.MAX_LENGTH + 1) + "/drain").statusCode())
                .isEqualTo(400);
        assertThat(control.requests).isEmpty();
    }

    @Test
    void wrongMethodsAre405AndUnknownPathsAre404WithAJsonError() throws Exception {
        start(control);

        HttpResponse<String> post = send("POST", "/v1/status");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        HttpResponse<String> get = send("GET", "/v1/vips/10.0.3.100/move?to=node2");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(send("GET", "/v1/nodes/node1/undrain").statusCode()).isEqualTo(405);
        for (String path : List.of("/v1/statusx", "/v1/vips/10.0.3.100", "/v1/vips/10.0.3.100/jump",
                "/v1/vips//move", "/v1/nodes/node1/drain/now", "/v1/nodes/node1", "/v1/nodes/node1/drain%2Fnow")) {
            HttpResponse<String> r = send("POST", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(AdminJson.MAPPER.readTree(r.body()).get("error").asText()).startsWith("no such resource");
        }
        assertThat(control.requests).isEmpty();
    }

    @Test
    void aControlThatFailsIsA500NotAHangingRequest() throws Exception {
        start(new FakeControl() {
            @Override
            public ClusterStatus status() {
                throw new IllegalStateException("no quorum to read from");
            }
        });

        HttpResponse<String> r = send("GET", "/v1/status");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("no quorum to read from");
    }

    @Test
    void theTwoArgumentStartServesAStandaloneStatusAndRefusesMovesSayingHowToCluster() throws Exception {
        start(null);

        ClusterStatus status = client().status();
        assertThat(status.clustered()).isFalse();
        assertThat(status.quorum()).isTrue();
        assertThat(status.node()).isNotEmpty();
        assertThat(status.members()).isEmpty();
        assertThat(status.vips()).isEmpty();
        assertThat(send("POST", "/v1/vips/10.0.3.100/move?to=node2").statusCode()).isEqualTo(409);
        assertThat(client().drain("node1").message()).isEqualTo(StandaloneControl.NO_CLUSTER)
                .isEqualTo("this server runs without a cluster (start it with --cluster ...)");
    }
}
