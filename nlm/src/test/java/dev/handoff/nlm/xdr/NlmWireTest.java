package dev.handoff.nlm.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NlmWireTest {
    @Test
    void versionsOneAndThreeShareTheNarrowWire() {
        assertThat(NlmWire.forVersion(1)).isEqualTo(NlmWire.NLM3);
        assertThat(NlmWire.forVersion(3)).isEqualTo(NlmWire.NLM3);
        assertThat(NlmWire.forVersion(4)).isEqualTo(NlmWire.NLM4);
        assertThat(NlmArgsCodec.forVersion(4).wire()).isEqualTo(NlmWire.NLM4);
        assertThat(NlmResultsCodec.forVersion(1).wire()).isEqualTo(NlmWire.NLM3);
        for (int version : new int[] {0, 2, 5}) {
            assertThatThrownBy(() -> NlmWire.forVersion(version)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theNarrowWireFitsUnsignedThirtyTwoBitOffsetsAndLengths() {
        assertThat(NlmWire.NLM3.fits(0, 0)).isTrue();
        assertThat(NlmWire.NLM3.fits(0xFFFF_FFFFL, 0xFFFF_FFFFL)).isTrue();
        assertThat(NlmWire.NLM3.fits(0x1_0000_0000L, 0)).isFalse();
        assertThat(NlmWire.NLM3.fits(0, 0x1_0000_0000L)).isFalse();
        assertThat(NlmWire.NLM3.fits(-1L, 0)).as("2^64 - 1, unsigned").isFalse();
        assertThat(NlmWire.NLM4.fits(-1L, -1L)).isTrue();
    }

    @Test
    void statusesTheNarrowWireLacksAreSentAsLinuxLockdSendsThem() {
        for (NlmStatus s : EnumSet.range(NlmStatus.GRANTED, NlmStatus.DENIED_GRACE_PERIOD)) {
            assertThat(NlmWire.NLM3.onWire(s)).isEqualTo(s);
        }
        assertThat(NlmWire.NLM3.onWire(NlmStatus.DEADLCK)).isEqualTo(NlmStatus.DENIED);
        for (NlmStatus s : EnumSet.range(NlmStatus.ROFS, NlmStatus.FAILED)) {
            assertThat(NlmWire.NLM3.onWire(s)).isEqualTo(NlmStatus.DENIED_NOLOCKS);
        }
        for (NlmStatus s : NlmStatus.values()) {
            assertThat(NlmWire.NLM4.onWire(s)).isEqualTo(s);
        }
    }

    @Test
    void statusValuesFollowRfc1813() {
        for (NlmStatus s : NlmStatus.values()) {
            assertThat(NlmStatus.of(s.value())).isEqualTo(s);
        }
        assertThat(NlmStatus.FBIG.value()).isEqualTo(8);
        assertThat(NlmStatus.FAILED.value()).isEqualTo(9);
        assertThat(NlmStatus.of(10)).isNull();
        assertThat(NlmStatus.of(-1)).isNull();
    }
}
