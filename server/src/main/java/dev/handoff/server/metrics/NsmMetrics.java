package dev.handoff.server.metrics;

import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.state.Monitor;
import dev.handoff.nsm.state.NsmEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The status monitor (NSM, XNFS chapter 11) as gauges and counters: how many hosts it watches (clients that
 * hold locks), how many are still owed the notice of our restart, every SM_NOTIFY attempt by result, and every
 * monitor transition. A failing notice leaves a client holding locks it believes lost, or unaware that it must
 * reclaim.
 */
final class NsmMetrics {
    NsmMetrics(MeterRegistry registry, NsmService nsm, Notifier notifier) {
        Gauge.builder("handoff.nsm.monitored.hosts", nsm,
                        s -> s.monitors().stream().map(Monitor::monName).distinct().count())
                .baseUnit("hosts")
                .description("Hosts the status monitor watches (SM_MON): clients holding locks here")
                .register(registry);
        Gauge.builder("handoff.nsm.notify.pending", nsm, s -> s.pending().size()).baseUnit("hosts")
                .description("Hosts not yet told of this server's latest restart (SM_NOTIFY still being retried)")
                .register(registry);
        FunctionCounter.builder("handoff.nsm.notify.attempts", notifier, Notifier::acknowledged).baseUnit("attempts")
                .tag("result", "acknowledged")
                .description("SM_NOTIFY attempts to peers' statd by result, retries included")
                .register(registry);
        FunctionCounter.builder("handoff.nsm.notify.attempts", notifier, Notifier::failed).baseUnit("attempts")
                .tag("result", "failed")
                .description("SM_NOTIFY attempts to peers' statd by result, retries included")
                .register(registry);
        for (NsmEvent e : NsmEvent.values()) {
            FunctionCounter.builder("handoff.nsm.events", nsm, s -> s.counters().get(e)).baseUnit("events")
                    .tag("event", e.metricName())
                    .description("Status monitor transitions (monitor added, peer rebooted, notify confirmed, ...)")
                    .register(registry);
        }
    }
}
