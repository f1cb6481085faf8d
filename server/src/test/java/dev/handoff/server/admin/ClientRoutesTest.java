package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockStatus;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.transport.ListenerGroup;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.mount.MountList;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/clients} and {@code /v1/locks} over real HTTP on loopback, in front of a real mount list, a real RPC
 * server with a client connected to it, and a real lock manager holding locks.
 */
class ClientRoutesTest {
    private static final FileKey FILE_A = FileKey.ofHex("0000000101");
    private static final FileKey FILE_B = FileKey.ofHex("0000000102");
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private final MountList mounts = MountList.inMemory();
    private final InMemoryLockStore store = new InMemoryLockStore();
    private final LockManager manager = new LockManager(store, LockConfig.DEFAULT);
    private final Map<String, InetAddress> holders = new HashMap<>();
    private RuntimeException tableFailure;
    private RpcServer rpc;
    private ListenerGroup group;
    private AdminHttpServer api;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        rpc = new RpcServer(new Dispatcher(List.of(), ReplyCache.NONE, CallObserver.NONE),
                RpcServerConfig.of(List.of(0)), CallObserver.NONE);
        group = rpc.listen(InetAddress.getLoopbackAddress());
        LockTable table = () -> {
            if (tableFailure != null) {
                throw tableFailure;
            }
            return store.records();
        };
        ClientSources sources = new ClientSources(mounts::entries,
                () -> rpc.groups().stream().flatMap(g -> g.connections().stream()).toList(), table,
                () -> Map.copyOf(holders));
        api = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of()),
                StandaloneControl.ofLocalHost(), sources);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
        rpc.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return AdminJson.MAPPER.readTree(r.body());
    }

    private LockStatus lock(FileKey file, String client, int svid, long offset, long length, boolean exclusive,
                            boolean block) {
        RangeLock lock = new RangeLock(new LockOwner(client, svid, Opaque.EMPTY), LockType.of(exclusive),
                LockRange.of(offset, length));
        return manager.on(new LockInput.Lock(file, lock, block, false, Opaque.ofHex("c0ffee"), Opaque.ofHex("01"),
                NOW)).status();
    }

    /**
     * Opens a TCP connection and makes one call on it (to a program the server lacks): the reply proves the
     * server has taken the connection in, with no waiting on time.
     */
    private Socket connectAndCall() throws IOException {
        Socket s = new Socket();
        s.connect(group.tcpEndpoints().getFirst());
        ByteBuffer call = ByteBuffer.allocate(4 + 40).putInt(0x8000_0000 | 40)
                .putInt(7).putInt(0).putInt(2).putInt(399_999).putInt(1).putInt(0)
                .putInt(0).putInt(0).putInt(0).putInt(0);
        s.getOutputStream().write(call.array());
        DataInputStream in = new DataInputStream(s.getInputStream());
        int mark = in.readInt();
        in.readFully(new byte[mark & 0x7fff_ffff]);
        return s;
    }

    @Test
    void clientsPutsAClientsMountsConnectionAndLocksOnOneRowByAddress() throws Exception {
        mounts.add("127.0.0.1", "/srv/share");
        holders.put("client-a", InetAddress.getLoopbackAddress());
        assertThat(lock(FILE_A, "client-a", 42, 0, 100, true, false)).isEqualTo(LockStatus.GRANTED);
        assertThat(lock(FILE_B, "client-a", 42, 10, 0, false, false)).isEqualTo(LockStatus.GRANTED);

        try (Socket s = connectAndCall()) {
            JsonNode clients = get("/v1/clients").get("clients");

            assertThat(clients).hasSize(1);
            JsonNode c = clients.get(0);
            assertThat(c.get("client").asText()).isEqualTo("127.0.0.1");
            assertThat(c.get("names").toString()).isEqualTo("[\"client-a\"]");
            assertThat(c.get("mounts").toString()).isEqualTo("[\"/srv/share\"]");
            JsonNode conn = c.get("connections").get(0);
            assertThat(conn.get("transport").asText()).isEqualTo("TCP");
            assertThat(conn.get("local").asText()).isEqualTo("127.0.0.1:" + group.tcpEndpoints().getFirst().getPort());
            assertThat(conn.get("remote").asText()).isEqualTo("127.0.0.1:" + s.getLocalPort());
            assertThat(conn.get("ageSeconds").asDouble()).isNotNegative();
            assertThat(conn.get("inFlight").asInt()).isZero();
            assertThat(c.get("locks").asInt()).isEqualTo(2);
            assertThat(c.get("firstLocks").get(0).toString()).isEqualTo("{\"file\":\"0000000101\",\"client\":"
                    + "\"client-a\",\"svid\":42,\"range\":\"0+100\",\"exclusive\":true,\"state\":\"granted\"}");
            assertThat(c.get("firstLocks").get(1).get("range").asText()).isEqualTo("10+eof");
        }
    }

    @Test
    void aLockHolderTheMonitorListDoesNotPlaceIsARowOfItsOwnUnderItsCallerName() throws Exception {
        mounts.add("192.0.2.7", "/srv/share");
        lock(FILE_A, "elsewhere", 1, 0, 1, false, false);

        JsonNode clients = get("/v1/clients").get("clients");

        assertThat(clients).extracting(c -> c.get("client").asText()).containsExactly("192.0.2.7", "elsewhere");
        assertThat(clients.get(0).get("locks").asInt()).isZero();
        assertThat(clients.get(1).get("mounts")).isEmpty();
        assertThat(clients.get(1).get("locks").asInt()).isEqualTo(1);
    }

    @Test
    void clientsListsOnlyTheFirstFewLocksOfAClientButCountsThemAll() throws Exception {
        for (int i = 0; i < ClientsReport.FIRST_LOCKS + 3; i++) {
            lock(FILE_A, "busy", 1, i * 10L, 1, true, false);
        }

        JsonNode c = get("/v1/clients").get("clients").get(0);

        assertThat(c.get("locks").asInt()).isEqualTo(ClientsReport.FIRST_LOCKS + 3);
        assertThat(c.get("firstLocks")).hasSize(ClientsReport.FIRST_LOCKS);
    }

    @Test
    void locksListsHeldAndBlockedLocksWithTheTotals() throws Exception {
        lock(FILE_A, "a", 1, 0, 0, true, false);
        assertThat(lock(FILE_A, "b", 9, 0, 10, true, true)).isEqualTo(LockStatus.BLOCKED);
        lock(FILE_B, "b", 9, 0, 10, false, false);

        JsonNode r = get("/v1/locks");

        assertThat(r.get("files").asInt()).isEqualTo(2);
        assertThat(r.get("total").asInt()).isEqualTo(3);
        assertThat(r.get("blocked").asInt()).isEqualTo(1);
        assertThat(r.get("limit").asInt()).isEqualTo(LocksReport.DEFAULT_LIMIT);
        assertThat(r.get("locks")).extracting(l -> l.get("file").asText() + " " + l.get("client").asText() + ":"
                        + l.get("svid").asInt() + " " + l.get("range").asText() + " " + l.get("exclusive").asBoolean()
                        + " " + l.get("state").asText())
                .containsExactly("0000000101 a:1 0+eof true granted", "0000000101 b:9 0+10 true blocked",
                        "0000000102 b:9 0+10 false granted");
    }

    @Test
    void locksStopsAtTheLimitAndSaysHowManyThereAre() throws Exception {
        for (int i = 0; i < 5; i++) {
            lock(FILE_A, "a", 1, i * 10L, 1, true, false);
        }

        LocksReport r = new AdminClient(new AdminEndpoint("127.0.0.1", api.address().getPort())).locks(2);

        assertThat(r.total()).isEqualTo(5);
        assertThat(r.locks()).extracting(LockView::range).containsExactly("0+1", "10+1");
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void aLimitOutsideTheBoundsIsA400() throws Exception {
        assertThat(send("GET", "/v1/locks?limit=0").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/locks?limit=10001").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/locks?limit=many").body()).contains("limit must be a number from 1 to 10000");
    }

    @Test
    void anUnreadableLockTableIs503ForLocksWhileClientsStillShowsMounts() throws Exception {
        mounts.add("192.0.2.7", "/srv/share");
        tableFailure = new IllegalStateException("no quorum");

        HttpResponse<String> locks = send("GET", "/v1/locks");
        JsonNode clients = get("/v1/clients");

        assertThat(locks.statusCode()).isEqualTo(ClientRoutes.UNAVAILABLE);
        assertThat(locks.body()).contains("lock table unavailable: no quorum");
        assertThat(clients.get("locksError").asText()).isEqualTo("lock table unavailable: no quorum");
        assertThat(clients.get("clients").get(0).get("client").asText()).isEqualTo("192.0.2.7");
    }

    @Test
    void bothRoutesOnlyRead() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/clients");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("GET");
        assertThat(send("DELETE", "/v1/locks").statusCode()).isEqualTo(405);
    }

    @Test
    void theClientReadsBothAnswersBack() throws Exception {
        mounts.add("192.0.2.7", "/srv/share");
        lock(FILE_A, "a", 1, 0, 1, true, false);
        AdminClient client = new AdminClient(new AdminEndpoint("127.0.0.1", api.address().getPort()));

        assertThat(client.clients().clients()).extracting(ClientView::client).containsExactly("192.0.2.7", "a");
        assertThat(client.locks(10).locks()).singleElement().extracting(LockView::state).isEqualTo(LockView.GRANTED);
        assertThat(client.clientsJson()).startsWith("{\"clients\":[");
    }

    @Test
    void anApiStartedWithoutSourcesReportsNoClientsAndNoLocks() throws Exception {
        try (AdminHttpServer bare = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of()))) {
            AdminClient client = new AdminClient(new AdminEndpoint("127.0.0.1", bare.address().getPort()));

            assertThat(client.clients().clients()).isEmpty();
            assertThat(client.locks(1).total()).isZero();
        }
    }
}
