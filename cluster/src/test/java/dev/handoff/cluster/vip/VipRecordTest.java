package dev.handoff.cluster.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VipRecordTest {
    private static final VipId V = new VipId("10.0.0.100");
    private static final NodeId A = new NodeId("a");
    private static final NodeId B = new NodeId("b");

    @Test
    void aTargetIsGivenExactlyForReleasing() {
        assertThatThrownBy(() -> new VipRecord(V, A, 1, VipState.RELEASING, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VipRecord(V, A, 1, VipState.SERVING, 1, B))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyWriteRaisesTheRenewalSoARowNeverRepeats() {
        VipRecord r = VipRecord.initial(V, A);
        VipRecord claimed = r.next(B, 1, VipState.SERVING, null);
        assertThat(claimed.renewal()).isEqualTo(1);
        assertThat(claimed.renewed().renewal()).isEqualTo(2);
        assertThat(claimed.renewed()).isNotEqualTo(claimed);
    }

    @Test
    void aFreeRowNamesNobodyAndAnOwnedRowOnlyItsOwnerUnderItsEpoch() {
        VipRecord free = VipRecord.initial(V, A);
        assertThat(free.names(A, 0)).isFalse();
        VipRecord owned = free.next(A, 1, VipState.SERVING, null);
        assertThat(owned.names(A, 1)).isTrue();
        assertThat(owned.names(A, 2)).isFalse();
        assertThat(owned.names(B, 1)).isFalse();
    }

    @Test
    void namesAreBounded() {
        assertThatThrownBy(() -> new NodeId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VipId("x".repeat(VipId.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
