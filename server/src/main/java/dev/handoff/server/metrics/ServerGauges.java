package dev.handoff.server.metrics;

import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.transport.ConnectionInfo;
import dev.handoff.rpc.transport.ListenerGroup;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Gauges over state that others own: connections and in-flight calls per address of the RPC server, and the
 * duplicate reply cache. Addresses come and go as VIPs move, so the per-address rows are rebuilt from the
 * server's listener groups on every {@link #refresh} (called before each scrape) rather than registered once.
 */
public final class ServerGauges {
    private final MultiGauge connections;
    private final MultiGauge inFlight;
    private final Supplier<List<ListenerGroup>> groups;

    public ServerGauges(MeterRegistry registry, Supplier<List<ListenerGroup>> groups) {
        this.groups = groups;
        this.connections = MultiGauge.builder("handoff.rpc.connections").baseUnit("connections")
                .description("Open TCP connections, by the local address the client connected to")
                .register(registry);
        this.inFlight = MultiGauge.builder("handoff.rpc.inflight").baseUnit("calls")
                .description("RPC calls being executed or waiting for a worker, by listening address")
                .register(registry);
    }

    /** Re-reads the listener groups; an address no longer served disappears from the scrape. */
    public void refresh() {
        List<ListenerGroup> now = groups.get();
        Map<String, Integer> perLocal = new TreeMap<>();
        List<MultiGauge.Row<?>> inFlightRows = new ArrayList<>();
        for (ListenerGroup g : now) {
            String listener = g.address().getHostAddress();
            perLocal.putIfAbsent(listener, 0);
            for (ConnectionInfo c : g.connections()) {
                // A wildcard listener takes connections on every address; count each where it arrived.
                perLocal.merge(c.local().getAddress().getHostAddress(), 1, Integer::sum);
            }
            inFlightRows.add(MultiGauge.Row.of(Tags.of("listener", listener), g.inFlight()));
        }
        List<MultiGauge.Row<?>> connectionRows = new ArrayList<>();
        perLocal.forEach((local, n) -> connectionRows.add(MultiGauge.Row.of(Tags.of("local", local), n)));
        connections.register(connectionRows, true);
        inFlight.register(inFlightRows, true);
    }

    /**
     * The cluster's shared cache: this node's hits, drops and calls run uncached, and the entries this member
     * holds (the map is bounded per member in bytes) and evicted.
     */
    public static void bindSharedReplyCache(MeterRegistry registry,
                                            dev.handoff.cluster.state.HazelcastReplyCache cache) {
        FunctionCounter.builder("handoff.drc.hits", cache, c -> c.hits()).baseUnit("hits")
                .description("Retransmitted calls answered from the duplicate reply cache").register(registry);
        FunctionCounter.builder("handoff.drc.drops", cache, c -> c.drops()).baseUnit("drops")
                .description("Retransmissions dropped because the original call was still running")
                .register(registry);
        FunctionCounter.builder("handoff.drc.uncached", cache, c -> c.uncached()).baseUnit("calls")
                .description("Non-idempotent calls run without a cache entry (cache full of calls in progress)")
                .register(registry);
        Gauge.builder("handoff.drc.entries", cache, c -> c.entries()).baseUnit("entries")
                .description("Replies held in the duplicate reply cache (in a cluster: owned by this member)")
                .register(registry);
        Gauge.builder("handoff.drc.size", cache, c -> c.bytes()).baseUnit("bytes")
                .description("Heap taken by the duplicate reply cache (in a cluster: this member's entries and "
                        + "backups, as Hazelcast estimates it)").register(registry);
        FunctionCounter.builder("handoff.drc.evictions", cache, c -> c.evictions()).baseUnit("evictions")
                .description("Replies evicted from the duplicate reply cache before they expired")
                .register(registry);
    }

    /** Registers the reply cache's counters (RFC 1813 §4.6 duplicate requests) and size. */
    public static void bindReplyCache(MeterRegistry registry, LocalReplyCache cache) {
        Gauge.builder("handoff.drc.entries", cache, LocalReplyCache::entries).baseUnit("entries")
                .description("Replies held in the duplicate reply cache").register(registry);
        Gauge.builder("handoff.drc.size", cache, LocalReplyCache::bytes).baseUnit("bytes")
                .description("Encoded size of the replies held in the duplicate reply cache").register(registry);
        FunctionCounter.builder("handoff.drc.hits", cache, LocalReplyCache::hits).baseUnit("hits")
                .description("Retransmitted calls answered from the duplicate reply cache").register(registry);
        FunctionCounter.builder("handoff.drc.drops", cache, LocalReplyCache::drops).baseUnit("drops")
                .description("Retransmissions dropped because the original call was still running")
                .register(registry);
        FunctionCounter.builder("handoff.drc.evictions", cache, LocalReplyCache::evictions).baseUnit("evictions")
                .description("Replies evicted from the duplicate reply cache before they expired")
                .register(registry);
        FunctionCounter.builder("handoff.drc.uncached", cache, LocalReplyCache::uncached).baseUnit("calls")
                .description("Non-idempotent calls run without a cache entry (cache full of calls in progress)")
                .register(registry);
    }
}
