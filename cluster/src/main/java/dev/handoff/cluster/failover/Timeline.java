package dev.handoff.cluster.failover;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stages of one VIP move on one node as they happen, turned into a {@link HandoffReport} at the end. The
 * drain's end is recorded on another thread than the rest, hence the locking.
 */
final class Timeline {
    private final String vip;
    private final String kind;
    private final String from;
    private final String to;
    private final long epoch;
    private final Instant wallStart;
    private final long startNanos;
    private final Map<String, Double> stages = new LinkedHashMap<>();
    private long stageStart;

    Timeline(String vip, String kind, String from, String to, long epoch) {
        this.vip = vip;
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.epoch = epoch;
        this.wallStart = Instant.now();
        this.startNanos = System.nanoTime();
        this.stageStart = startNanos;
    }

    String kind() {
        return kind;
    }

    /** Ends the current stage under {@code name}: its time runs from the previous stage's end. */
    synchronized void stage(String name) {
        long now = System.nanoTime();
        stages.merge(name, (now - stageStart) / 1e6, Double::sum);
        stageStart = now;
    }

    /** Starts timing the next stage now, leaving out a wait that belongs to no stage. */
    synchronized void skipWait() {
        stageStart = System.nanoTime();
    }

    synchronized HandoffReport report(String node, String outcome) {
        return new HandoffReport(vip, kind, node, from, to, epoch, wallStart.toString(), stages,
                (System.nanoTime() - startNanos) / 1e6, outcome);
    }
}
