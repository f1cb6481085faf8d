package dev.handoff.server.metrics;

import dev.handoff.cluster.failover.ClusterMode;
import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.cluster.failover.HandoffReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;

/**
 * The cluster as this node sees it: members, quorum, which VIPs it serves and how fresh each VIP's row is, and
 * every VIP move it took part in, by kind and by stage (DESIGN.md §6). Gauges read one status snapshot per
 * scrape ({@link #refresh}), so a scrape costs one look at the shared table, not one per series.
 */
final class ClusterMetrics {
    private final MeterRegistry registry;
    private final ClusterMode cluster;
    private volatile ClusterStatus last;

    ClusterMetrics(MeterRegistry registry, ClusterMode cluster) {
        this.registry = registry;
        this.cluster = cluster;
        this.last = cluster.status();
        Gauge.builder("handoff.cluster.members", this, m -> m.last.members().size()).baseUnit("members")
                .description("Members of the cluster this node sees, itself and witnesses included")
                .register(registry);
        Gauge.builder("handoff.cluster.quorum", this, m -> m.last.quorum() ? 1 : 0)
                .description("1 when this node sees a majority of the configured cluster size, else 0")
                .register(registry);
        for (ClusterStatus.Vip vip : last.vips()) {
            String name = vip.vip();
            Gauge.builder("handoff.vip.owned", this, m -> serving(m.last, name) ? 1 : 0)
                    .tags("vip", name, "node", last.node())
                    .description("1 while this node serves the VIP (it owns the row and its lease holds), else 0")
                    .register(registry);
            Gauge.builder("handoff.vip.row.age", this, m -> age(m.last, name)).tags("vip", name).baseUnit("seconds")
                    .description("Time since this node saw the VIP's row change; an owner renews it every "
                            + "third of a lease, so a growing age means nobody renews")
                    .register(registry);
        }
        cluster.onReport(this::moved);
    }

    /** Called before each scrape. */
    void refresh() {
        last = cluster.status();
    }

    private void moved(HandoffReport r) {
        Counter.builder("handoff.vip.moves").tags("kind", r.kind()).baseUnit("moves")
                .description("VIP moves this node took part in: handoff (gave a VIP away as planned), acquire "
                        + "(received one), takeover (after the owner's lease ran out), fenced (lost its lease)")
                .register(registry).increment();
        for (Map.Entry<String, Double> stage : r.stagesMs().entrySet()) {
            stageTimer(stage.getKey(), r.kind()).record(Duration.ofNanos((long) (stage.getValue() * 1e6)));
        }
        stageTimer("total", r.kind()).record(Duration.ofNanos((long) (r.totalMs() * 1e6)));
    }

    private Timer stageTimer(String stage, String kind) {
        return Timer.builder("handoff.vip.stage.duration").tags("stage", stage, "kind", kind)
                .description("Duration of each stage of a VIP move on this node (drain, address-remove, close; "
                        + "address-add, announce, tickle) and of the whole move (total)")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
    }

    private static boolean serving(ClusterStatus s, String vip) {
        return s.vips().stream().anyMatch(v -> v.vip().equals(vip) && v.phase().equals("serving"));
    }

    private static double age(ClusterStatus s, String vip) {
        return s.vips().stream().filter(v -> v.vip().equals(vip)).mapToDouble(ClusterStatus.Vip::sinceChange)
                .findFirst().orElse(Double.NaN);
    }
}
