package dev.handoff.cluster.vip;

import java.util.List;

/** What one input did: the effects to carry out in order, and the transitions to count. */
public record VipStep(List<VipEffect> effects, List<VipEvent> events) {
    public VipStep {
        effects = List.copyOf(effects);
        events = List.copyOf(events);
    }
}
