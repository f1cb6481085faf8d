package dev.handoff.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MembershipTranslatorTest {
    private static final ClusterMember A = new ClusterMember(new NodeId("a"), false);
    private static final ClusterMember B = new ClusterMember(new NodeId("b"), false);
    private static final ClusterMember W = new ClusterMember(new NodeId("w"), true);

    private final List<VipInput> out = new ArrayList<>();
    private final MembershipTranslator t = new MembershipTranslator(2, out::add);

    private static VipInput.MembersChanged alive(String... names) {
        return new VipInput.MembersChanged(Arrays.stream(names).map(NodeId::new).collect(Collectors.toSet()));
    }

    private List<VipInput> memberChanges() {
        return out.stream().filter(VipInput.MembersChanged.class::isInstance).toList();
    }

    @Test
    void witnessesCountAsMembersButAreNeverReportedAsPossibleOwners() {
        t.members(List.of(A, W, B));
        assertThat(memberChanges()).containsExactly(alive("a", "b"));
        assertThat(t.members()).containsExactly(A, W, B);
    }

    @Test
    void aWitnessComingOrGoingChangesNothingForTheVipMachine() {
        t.members(List.of(A, B));
        t.members(List.of(A, B, W));
        t.members(List.of(B, A));
        assertThat(memberChanges()).containsExactly(alive("a", "b"));
    }

    @Test
    void aPeerLeavingIsReportedOnce() {
        t.members(List.of(A, B));
        t.members(List.of(A));
        t.members(List.of(A));
        assertThat(memberChanges()).containsExactly(alive("a", "b"), alive("a"));
    }

    @Test
    void quorumStartsAbsentAndIsRegainedAfterTheMembersThatMakeIt() {
        t.members(List.of(A));
        assertThat(t.hasQuorum()).isFalse();
        t.members(List.of(A, B));
        assertThat(out).containsExactly(alive("a"), alive("a", "b"), new VipInput.QuorumRegained());
        assertThat(t.hasQuorum()).isTrue();
    }

    @Test
    void quorumLossIsReportedBeforeTheSmallerMemberList() {
        t.members(List.of(A, B));
        out.clear();
        t.members(List.of(A));
        assertThat(out).containsExactly(new VipInput.QuorumLost(), alive("a"));
        assertThat(t.hasQuorum()).isFalse();
    }

    @Test
    void aWitnessCountsForQuorum() {
        t.members(List.of(A));
        t.members(List.of(A, W));
        assertThat(out).containsExactly(alive("a"), new VipInput.QuorumRegained());
    }
}
