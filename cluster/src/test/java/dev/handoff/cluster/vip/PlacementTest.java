package dev.handoff.cluster.vip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private static final NodeId A = new NodeId("a");
    private static final NodeId B = new NodeId("b");
    private static final NodeId C = new NodeId("c");

    @Test
    void theFirstPreferredCandidateWinsWhateverItsLoad() {
        assertThat(Placement.choose(Set.of(A, B, C), List.of(C, B), Map.of(C, 5))).contains(C);
        assertThat(Placement.choose(Set.of(A, B), List.of(C, B), Map.of())).contains(B);
    }

    @Test
    void withoutPreferenceTheLeastLoadedWinsAndTiesGoByName() {
        assertThat(Placement.choose(Set.of(A, B, C), List.of(), Map.of(A, 2, B, 1, C, 1))).contains(B);
    }

    @Test
    void noCandidatesMeansNoPlace() {
        assertThat(Placement.choose(Set.of(), List.of(A), Map.of())).isEmpty();
    }
}
