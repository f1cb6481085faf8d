package dev.handoff.cluster.failover;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One VIP move as the node that carried out its part reports it: a planned handoff (old owner: stop accepting,
 * drain, address removed, close; new owner: address added and serving) or a crash takeover.
 *
 * @param kind     "handoff" (planned, old owner's side), "acquire" (planned, new owner's side),
 *                 "takeover" (after the old owner's lease ran out) or "fenced" (this node lost its lease)
 * @param at       wall-clock time the move began, ISO-8601, for operators reading logs next to it
 * @param epoch    the epoch the move created (for "fenced": the one this node lost)
 * @param stagesMs stage name to duration in milliseconds, in stage order
 * <p>Serializable: the cluster keeps the last hour of them for {@code handoff status} on any node.
 *
 * @param totalMs  from the first stage's start to the last stage's end
 */
public record HandoffReport(String vip, String kind, String node, String from, String to, long epoch,
                            String at, Map<String, Double> stagesMs, double totalMs, String outcome)
        implements java.io.Serializable {
    public HandoffReport {
        stagesMs = Collections.unmodifiableMap(new LinkedHashMap<>(stagesMs)); // stage order kept
    }
}
