package dev.handoff.server.admin;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Set;

/** The client side of the admin API, for {@code handoff exports}. */
public final class AdminClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** A reload may wait on DNS for host-name rules; give it time before calling the server unreachable. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final AdminEndpoint endpoint;

    public AdminClient(AdminEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code POST /v1/exports/reload}; a rejected reload is a report with {@code ok} false, not an exception. */
    public ReloadReport reload() throws IOException {
        HttpRequest request = request(AdminHttpServer.RELOAD).POST(HttpRequest.BodyPublishers.noBody()).build();
        return send(request, ReloadReport.class, Set.of(200, AdminHttpServer.UNPROCESSABLE));
    }

    /** {@code GET /v1/exports}. */
    public CurrentExports exports() throws IOException {
        return send(request(AdminHttpServer.EXPORTS).GET().build(), CurrentExports.class, Set.of(200));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(endpoint.uri() + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    private <T> T send(HttpRequest request, Class<T> type, Set<Integer> expected) throws IOException {
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
            throw new IOException("unexpected answer from " + endpoint + ": HTTP " + response.statusCode());
        }
        try {
            return AdminJson.MAPPER.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new IOException("unexpected answer from " + endpoint + ": not the admin API's JSON", e);
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
