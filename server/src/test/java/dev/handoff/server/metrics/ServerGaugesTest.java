package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.Opaque;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerGaugesTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static ReplyCacheKey key(int xid) {
        return new ReplyCacheKey(Transport.TCP, new InetSocketAddress("192.0.2.10", 2049),
                new InetSocketAddress("198.51.100.7", 800), xid, 100_003, 3, 7, 100, 42);
    }

    @Test
    void reportsReplyCacheEntriesBytesHitsAndDrops() {
        LocalReplyCache cache = new LocalReplyCache(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        ServerGauges.bindReplyCache(registry, cache);
        cache.begin(key(1));
        cache.complete(key(1), Opaque.copyOf(new byte[40], 0, 40));
        cache.begin(key(1));
        cache.begin(key(2));
        cache.begin(key(2));

        assertThat(registry.scrape())
                .contains("handoff_drc_entries 2.0")
                .contains("handoff_drc_size_bytes 40.0")
                .contains("handoff_drc_hits_total 1.0")
                .contains("handoff_drc_drops_total 1.0")
                .contains("handoff_drc_evictions_total 0.0");
    }

    @Test
    void aServerWithoutListenersReportsNoAddressRows() {
        ServerGauges gauges = new ServerGauges(registry, List::of);

        gauges.refresh();

        assertThat(registry.scrape()).doesNotContain("handoff_rpc_connections{")
                .doesNotContain("handoff_rpc_inflight_calls{");
    }
}
