package dev.handoff.server.admin;

import com.fasterxml.jackson.core.JacksonException;
import dev.handoff.cluster.failover.ClusterControl.Outcome;
import dev.handoff.cluster.failover.ClusterStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The client side of the admin API, for {@code handoff exports}, {@code status}, {@code vip}, {@code node},
 * {@code clients} and {@code locks}.
 */
public final class AdminClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** A reload may wait on DNS for host-name rules; give it time before calling the server unreachable. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Integer> ACCEPTED_OR_REFUSED = Set.of(ClusterRoutes.ACCEPTED, ClusterRoutes.CONFLICT);

    private final AdminEndpoint endpoint;
    private final java.util.Optional<AdminToken> token;

    public AdminClient(AdminEndpoint endpoint) {
        this(endpoint, java.util.Optional.empty());
    }

    /** A client that sends {@code token} with every request (an admin API beyond loopback asks for it). */
    public AdminClient(AdminEndpoint endpoint, java.util.Optional<AdminToken> token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** {@code POST /v1/exports/reload}; a rejected reload is a report with {@code ok} false, not an exception. */
    public ReloadReport reload() throws IOException {
        return parse(send(post(AdminHttpServer.RELOAD), Set.of(200, AdminHttpServer.UNPROCESSABLE)),
                ReloadReport.class);
    }

    /** {@code GET /v1/exports}. */
    public CurrentExports exports() throws IOException {
        return parse(send(get(AdminHttpServer.EXPORTS), Set.of(200)), CurrentExports.class);
    }

    /** {@code GET /v1/status}. */
    public ClusterStatus status() throws IOException {
        return parse(send(get(ClusterRoutes.STATUS), Set.of(200)), ClusterStatus.class);
    }

    /** {@code GET /v1/status} as the server wrote it (fields a newer server added included), checked to parse. */
    public String statusJson() throws IOException {
        byte[] body = send(get(ClusterRoutes.STATUS), Set.of(200));
        parse(body, ClusterStatus.class);
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code POST /v1/vips/{vip}/move?to=NODE}; a refusal is an outcome, not an exception. */
    public Outcome move(String vip, String to) throws IOException {
        String path = ClusterRoutes.VIPS + PathSegments.encode(vip) + "/move?to=" + PathSegments.encode(to);
        return parse(send(post(path), ACCEPTED_OR_REFUSED), Outcome.class);
    }

    /** {@code POST /v1/nodes/{node}/drain}: the node's VIPs move away and none come back until undrained. */
    public Outcome drain(String node) throws IOException {
        return parse(send(post(ClusterRoutes.NODES + PathSegments.encode(node) + "/drain"), ACCEPTED_OR_REFUSED),
                Outcome.class);
    }

    /** {@code POST /v1/nodes/{node}/undrain}. */
    public Outcome undrain(String node) throws IOException {
        return parse(send(post(ClusterRoutes.NODES + PathSegments.encode(node) + "/undrain"), ACCEPTED_OR_REFUSED),
                Outcome.class);
    }

    /** {@code GET /v1/clients}. */
    public ClientsReport clients() throws IOException {
        return parse(send(get(ClientRoutes.CLIENTS), Set.of(200)), ClientsReport.class);
    }

    /** {@code GET /v1/clients} as the server wrote it, checked to parse. */
    public String clientsJson() throws IOException {
        byte[] body = send(get(ClientRoutes.CLIENTS), Set.of(200));
        parse(body, ClientsReport.class);
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code GET /v1/locks?limit=N}. */
    public LocksReport locks(int limit) throws IOException {
        return parse(send(get(locksPath(limit)), Set.of(200)), LocksReport.class);
    }

    /** {@code GET /v1/locks?limit=N} as the server wrote it, checked to parse. */
    public String locksJson(int limit) throws IOException {
        byte[] body = send(get(locksPath(limit)), Set.of(200));
        parse(body, LocksReport.class);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String locksPath(int limit) {
        return ClientRoutes.LOCKS + "?limit=" + limit;
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest post(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.uri() + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(t -> b.header("Authorization", t.header()));
        return b;
    }

    private byte[] send(HttpRequest request, Set<Integer> expected) throws IOException {
        HttpResponse<byte[]> response;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw new AdminUnavailableException("nothing answers at " + endpoint + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!expected.contains(response.statusCode())) {
            throw new IOException("unexpected answer from " + endpoint + ": HTTP " + response.statusCode()
                    + errorOf(response.body()));
        }
        return response.body();
    }

    private <T> T parse(byte[] body, Class<T> type) throws IOException {
        try {
            return AdminJson.MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            throw new IOException("unexpected answer from " + endpoint + ": not the admin API's JSON", e);
        }
    }

    /** The {@code error} of an error answer, so "HTTP 400" comes with the server's reason. */
    private static String errorOf(byte[] body) {
        try {
            String error = AdminJson.MAPPER.readTree(body).path("error").asText("");
            return error.isEmpty() ? "" : " (" + error + ")";
        } catch (IOException e) {
            return ""; // not JSON: the status code alone has to do
        }
    }

    /** The JDK's client gives these exceptions no message of their own; their class and cause tell. */
    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return e instanceof HttpConnectTimeoutException
                ? "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s" : "connection refused";
    }
}
