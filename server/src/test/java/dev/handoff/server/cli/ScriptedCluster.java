package dev.handoff.server.cli;

import dev.handoff.cluster.failover.ClusterControl;
import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.cluster.failover.HandoffReport;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ClusterControl} playing a script: each {@link #status} call answers the next scripted status and the
 * last one from then on, so "the move completes after N polls" is a list of N+1 statuses. Requests are recorded
 * and answered with a fixed outcome.
 */
final class ScriptedCluster implements ClusterControl {
    private final List<ClusterStatus> script = new ArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Outcome outcome = Outcome.accepted("ok");
    private int polls;

    ScriptedCluster then(ClusterStatus status) {
        script.add(status);
        return this;
    }

    ScriptedCluster answering(Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    /** {@code move 10.0.3.100 node2}, {@code drain node1}, {@code undrain node1}, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized int polls() {
        return polls;
    }

    @Override
    public synchronized ClusterStatus status() {
        ClusterStatus s = script.get(Math.min(polls, script.size() - 1));
        polls++;
        return s;
    }

    @Override
    public Outcome move(VipId vip, NodeId to) {
        requests.add("move " + vip + " " + to);
        return outcome;
    }

    @Override
    public Outcome drain(NodeId node, boolean drain) {
        requests.add((drain ? "drain " : "undrain ") + node);
        return outcome;
    }

    static ClusterStatus cluster(List<ClusterStatus.Vip> vips, HandoffReport... recent) {
        return new ClusterStatus("node1", true, true, 3, List.of(
                new ClusterStatus.Member("node1", "10.0.3.1:5701", false, false, true),
                new ClusterStatus.Member("node2", "10.0.3.2:5701", false, false, false),
                new ClusterStatus.Member("w", "10.0.3.3:5701", true, false, false)),
                vips, false, 4, List.of(recent));
    }

    static ClusterStatus.Vip vip(String vip, String owner, long epoch, String state, String target) {
        return new ClusterStatus.Vip(vip, owner, epoch, state, target, 10, "watching", 0.5, List.of());
    }

    static HandoffReport report(String vip, String kind, String node, long epoch, double total) {
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("stop", 0.5);
        stages.put("drain", total - 2);
        stages.put("close", 1.5);
        return new HandoffReport(vip, kind, node, "node1", "node2", epoch, "2025-03-01T12:00:01.250Z", stages,
                total, "ok");
    }
}
