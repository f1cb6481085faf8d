package dev.handoff.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.address.ManualAddressManager;
import dev.handoff.cluster.failover.ClusterMode;
import dev.handoff.cluster.failover.ClusterSettings;
import dev.handoff.cluster.failover.HandoffOrder;
import dev.handoff.cluster.failover.HandoffReport;
import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.membership.Discovery;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipConfig;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.it.Prerequisites;
import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.callback.CallbackPolicy;
import dev.handoff.nlm.callback.RpcNlmCallbacks;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nsm.NsmConfig;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.MemoryNsmStore;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.metrics.ServerMetrics;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Grafana dashboard and the alert rules read only series the server really exports. The names come from a
 * scrape of {@link ServerMetrics} wired as {@code handoff serve} wires it, in cluster mode: a one-member
 * Hazelcast cluster on loopback that claims one VIP (so the move counters and stage histograms exist), the lock
 * manager and status monitor, the reply cache, and one call of each kind the error panels count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    private static final Path DEPLOY = Prerequisites.repositoryRoot().resolve("deploy");
    private static final InetAddress VIP = InetAddress.ofLiteral("127.0.0.77");
    private static final Peer PEER = new Peer(Transport.TCP, new InetSocketAddress("127.0.0.1", 2049),
            new InetSocketAddress("127.0.0.1", 700));

    private ServerMetrics metrics;
    private RpcServer rpc;
    private ClusterMode cluster;
    private RpcNlmCallbacks callbacks;
    private Notifier notifier;
    private String scrape;
    private Set<String> exported;

    @BeforeAll
    void scrapeAServerInClusterMode() throws Exception {
        metrics = ServerMetrics.create();
        Procedure<Void, Object> getattr = new Procedure<>(1, "GETATTR", in -> null, XdrWriter.nothing(),
                (call, args) -> null, CachePolicy.NONE);
        Dispatcher dispatcher = new Dispatcher(List.of(new RpcProgram(100_003, "nfs",
                List.of(new ProgramVersion(3, List.of(getattr))))), new LocalReplyCache(InstantSource.system()),
                metrics.observer());
        rpc = new RpcServer(dispatcher, RpcServerConfig.of(List.of(freePort())).withWorkerThreads(2),
                metrics.observer());
        LocalReplyCache cache = new LocalReplyCache(InstantSource.system());
        metrics.watch(rpc, dispatcher, cache);
        // The error panels' series are born with their first error.
        metrics.observer().onCall(PEER, 100_003, 3, getattr,
                new RpcReply.Success<>(new GetattrResult.Fail(Nfs3Status.NFS3ERR_STALE), XdrWriter.nothing()), 1);
        metrics.observer().onCall(PEER, 100_003, 3, getattr, new RpcReply.GarbageArgs(), 1);
        metrics.observer().onDropped(PEER, "address is draining");

        InMemoryLockStore store = new InMemoryLockStore();
        callbacks = new RpcNlmCallbacks(CallbackPolicy.defaults(), InstantSource.system());
        NlmService nlm = new NlmService(new LockManager(store, LockConfig.DEFAULT), callbacks,
                (name, client, local) -> true, InstantSource.system(), "node-a");
        metrics.watchLocks(store, nlm, callbacks.grantCounters());
        notifier = new Notifier((target, state) -> CompletableFuture.completedFuture(null),
                (delay, task) -> () -> { }, InstantSource.system(), RetryPolicy.defaults());
        NsmService nsm = NsmService.start(NsmConfig.defaults(ServerName.host("node-a")),
                new MemoryNsmStore(NsmSnapshot.EMPTY), notifier, InstantSource.system());
        metrics.watchStatusMonitor(nsm, notifier);

        cluster = ClusterMode.join(oneMemberCluster());
        CompletableFuture<HandoffReport> claimed = new CompletableFuture<>();
        cluster.onReport(claimed::complete);
        metrics.watch(cluster);
        cluster.startVips(rpc, new ManualAddressManager(), () -> 0, () -> false);
        assertThat(claimed.get(60, TimeUnit.SECONDS).kind()).isEqualTo("acquire");

        scrape = metrics.scrape();
        exported = PromqlNames.ofScrape(scrape);
    }

    private static ClusterSettings oneMemberCluster() throws IOException {
        int port = freePort();
        ClusterConfig cc = ClusterConfig.of(new NodeId("node-a"), "127.0.0.1", port,
                new Discovery.TcpIp(List.of("127.0.0.1:" + port)), 1)
                .withClusterName("handoff-dashboard-" + UUID.randomUUID().toString().substring(0, 8))
                .withJoinWait(Duration.ZERO);
        VipConfig timing = new VipConfig(Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ZERO, Duration.ofSeconds(30), Map.of());
        return new ClusterSettings(cc, Map.of(new VipId("vip-a"), IpPrefix.host(VIP)), timing, HandoffOrder.TICKLE,
                Duration.ofMillis(500));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.hazelcast().getLifecycleService().terminate();
            cluster.close();
        }
        if (rpc != null) {
            rpc.close();
        }
        if (callbacks != null) {
            callbacks.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void theScrapeHoldsTheSeriesTheBriefNames() {
        assertThat(exported).contains("handoff_nlm_locks", "handoff_nlm_blocked_waits", "handoff_nlm_grace",
                "handoff_nlm_granted_callbacks_total", "handoff_nsm_notify_attempts_total",
                "handoff_nsm_monitored_hosts", "handoff_cluster_quorum", "handoff_vip_owned",
                "handoff_vip_stage_duration_seconds_bucket", "handoff_vip_moves_total");
    }

    @Test
    void theSlowHandoffAlertsBucketIsExportedAsItsRuleSpellsIt() {
        // HandoffSlowHandoff compares le="2.0" with _count; a bucket spelled "2" would match nothing.
        assertThat(new Scrape(scrape).sum("handoff_vip_stage_duration_seconds_bucket", "stage=\"total\"",
                "le=\"2.0\"")).isEqualTo(1);
    }

    @Test
    void everyMetricADashboardPanelQueriesIsExported() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/handoff-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String q = variable.path("definition").asText("");
            if (q.startsWith("label_values(")) {
                expressions.add(q.substring("label_values(".length(), q.indexOf(',')));
            }
        }
        Set<String> used = new TreeSet<>();
        expressions.forEach(e -> used.addAll(PromqlNames.in(e)));

        assertThat(expressions).hasSizeGreaterThan(20);
        assertThat(used).as("metrics the dashboard reads; the server exports %s", exported)
                .isNotEmpty().isSubsetOf(exported);
    }

    @Test
    void theDashboardIsAnImportableGrafanaDashboard() throws IOException {
        JsonNode d = new ObjectMapper().readTree(DEPLOY.resolve("grafana/handoff-dashboard.json").toFile());

        assertThat(d.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(d.path("uid").asText()).isNotBlank();
        assertThat(d.path("__inputs").get(0).path("name").asText()).isEqualTo("DS_PROMETHEUS");
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : d.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
            }
        }
        assertThat(d.path("panels").findValuesAsText("type")).contains("state-timeline");
    }

    @Test
    void everyMetricAnAlertRuleQueriesIsExported() throws IOException {
        Set<String> used = new TreeSet<>();
        alertExpressions(Files.readAllLines(DEPLOY.resolve("prometheus/handoff-alerts.yml")))
                .forEach(e -> used.addAll(PromqlNames.in(e)));

        // up is Prometheus' own series about the scrape.
        used.remove("up");
        assertThat(used).as("metrics the alert rules read").hasSizeGreaterThan(5).isSubsetOf(exported);
    }

    /** The {@code expr:} of each rule, folded ({@code >-}) ones included. */
    private static List<String> alertExpressions(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("expr:");
            if (at < 0 || line.strip().startsWith("#")) {
                continue;
            }
            StringBuilder e = new StringBuilder(line.substring(at + "expr:".length()).replace(">-", ""));
            while (i + 1 < lines.size() && lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > at) {
                e.append(' ').append(lines.get(++i).strip());
            }
            out.add(e.toString().strip());
        }
        return out;
    }
}
