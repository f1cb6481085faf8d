package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nsm.NsmConfig;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.notify.Scheduler;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.MemoryNsmStore;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.rpc.xdr.Opaque;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The status monitor's series against a real registry. Notices go to a sender that answers at once (or fails)
 * and retries to a scheduler that never runs them: nothing here waits.
 */
class NsmMetricsTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-03-01T10:00:00Z"));
    private static final ServerName VIP = ServerName.of(InetAddress.ofLiteral("10.0.0.100"));
    private static final MyId LOCKD = new MyId("server", 100_021, 4, 16);
    private static final Scheduler NEVER = (delay, task) -> () -> { };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private NsmService start(NsmSnapshot saved, Notifier notifier) throws IOException {
        NsmService nsm = NsmService.start(NsmConfig.defaults(VIP),
                new MemoryNsmStore(saved), notifier, CLOCK);
        new NsmMetrics(registry, nsm, notifier);
        return nsm;
    }

    private static Notifier answering(boolean ok) {
        return new Notifier((target, state) -> ok ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IOException("no answer")), NEVER, CLOCK, RetryPolicy.defaults());
    }

    private static Mon mon(String host) {
        return new Mon(new MonId(host, LOCKD), Opaque.ofHex("00".repeat(16)));
    }

    @Test
    void monitoredHostsCountEachHostOnce() throws IOException {
        NsmService nsm = start(NsmSnapshot.EMPTY, answering(true));
        nsm.monitor(mon("client-a"), InetAddress.ofLiteral("10.0.0.7"), VIP);
        nsm.monitor(mon("client-b"), InetAddress.ofLiteral("10.0.0.8"), VIP);
        nsm.monitor(new Mon(new MonId("client-b", new MyId("other", 100_021, 4, 16)), Opaque.ofHex("00".repeat(16))),
                InetAddress.ofLiteral("10.0.0.8"), VIP);

        String text = registry.scrape();

        assertThat(text).contains("# HELP handoff_nsm_monitored_hosts ", "handoff_nsm_monitored_hosts 2.0",
                "handoff_nsm_events_total{event=\"monitor.added\"} 3.0");
    }

    @Test
    void acknowledgedNoticesCountAndLeaveNothingPending() throws IOException {
        start(new NsmSnapshot(3, List.of(), List.of(new NotifyTarget("10.0.0.7", null, VIP))), answering(true));

        String text = registry.scrape();

        assertThat(text).contains("handoff_nsm_notify_attempts_total{result=\"acknowledged\"} 1.0",
                "handoff_nsm_notify_attempts_total{result=\"failed\"} 0.0", "handoff_nsm_notify_pending_hosts 0.0");
    }

    @Test
    void failedNoticesCountAndStayPending() throws IOException {
        start(new NsmSnapshot(3, List.of(), List.of(new NotifyTarget("10.0.0.7", null, VIP),
                new NotifyTarget("10.0.0.8", null, VIP))), answering(false));

        String text = registry.scrape();

        assertThat(text).contains("handoff_nsm_notify_attempts_total{result=\"failed\"} 2.0",
                "handoff_nsm_notify_attempts_total{result=\"acknowledged\"} 0.0",
                "handoff_nsm_notify_pending_hosts 2.0");
    }
}
