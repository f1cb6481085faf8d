package dev.handoff.cluster.vip;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a VIP should go, as a pure function of one node's view, so that every node that shares the view picks
 * the same node (and a node with a different view only loses a compare-and-set): the VIP's first preferred
 * candidate, else the least loaded candidate, ties broken by name.
 */
final class Placement {
    private Placement() {
    }

    static Optional<NodeId> choose(Collection<NodeId> candidates, List<NodeId> preferred, Map<NodeId, Integer> load) {
        for (NodeId p : preferred) {
            if (candidates.contains(p)) {
                return Optional.of(p);
            }
        }
        return candidates.stream()
                .min(Comparator.<NodeId>comparingInt(n -> load.getOrDefault(n, 0)).thenComparing(n -> n));
    }
}
