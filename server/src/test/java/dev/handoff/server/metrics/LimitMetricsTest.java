package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.callback.CallbackPolicy;
import dev.handoff.nlm.callback.RpcNlmCallbacks;
import dev.handoff.nlm.state.TransitionCounters;
import dev.handoff.rpc.transport.ConnectionLimits;
import dev.handoff.rpc.transport.LimitCounts;
import dev.handoff.server.ServerLimits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every limit has a reached counter from its first scrape, and its configured value beside it. */
class LimitMetricsTest {

    @Test
    void eachLimitIsCountedAndItsSettingShown() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LocalReplyCache cache = new LocalReplyCache(InstantSource.system(), Duration.ofSeconds(180), 2, 1024);
        ServerLimits limits = new ServerLimits(new ConnectionLimits(5, 3), 2, 4096, 10, 16384, 4, 3, 2);
        try (RpcNlmCallbacks callbacks = new RpcNlmCallbacks(CallbackPolicy.defaults(), InstantSource.system())) {
            LimitMetrics.bind(registry, limits, new LimitCounts(), cache, new TransitionCounters(), callbacks);
            for (int xid = 0; xid < 9; xid++) {   // a cache of two entries: seven evicted
                ReplyCacheKey key = new ReplyCacheKey(Transport.TCP, new InetSocketAddress("10.0.0.1", 2049),
                        new InetSocketAddress("10.0.0.2", 800), xid, 100003, 3, 2, 0, 0);
                cache.begin(key);
                cache.complete(key, Opaque.ofHex("00"));
            }
            System.gc();   // the sources must be held strongly, or their counters freeze
            String scrape = registry.scrape();

            for (String limit : new String[] {"connections", "connections_per_client", "in_flight_per_connection",
                    "record_size", "locks_per_client", "waits_per_client", "pending_callbacks"}) {
                assertThat(scrape).contains("handoff_limit_reached_events_total{limit=\"" + limit + "\"} 0.0");
            }
            assertThat(scrape).contains("handoff_limit_reached_events_total{limit=\"reply_cache\"} 7.0",
                    "handoff_limit_configured{limit=\"connections\"} 5.0",
                    "handoff_limit_configured{limit=\"connections_per_client\"} 3.0",
                    "handoff_limit_configured{limit=\"in_flight_per_connection\"} 2.0",
                    "handoff_limit_configured{limit=\"record_size\"} 4096.0",
                    "handoff_limit_configured{limit=\"reply_cache_entries\"} 10.0",
                    "handoff_limit_configured{limit=\"reply_cache_bytes\"} 16384.0",
                    "handoff_limit_configured{limit=\"locks_per_client\"} 4.0",
                    "handoff_limit_configured{limit=\"waits_per_client\"} 3.0",
                    "handoff_limit_configured{limit=\"pending_callbacks\"} 2.0",
                    "handoff_nlm_callbacks_outstanding_callbacks 0.0",
                    "# HELP handoff_limit_reached_events_total Times a client met");
        }
    }
}
