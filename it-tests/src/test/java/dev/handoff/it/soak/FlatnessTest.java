package dev.handoff.it.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatnessTest {
    private static final long MIB = 1024 * 1024;

    private static List<Sample> heap(long... bytes) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            out.add(new Sample("n", i * 10.0, "load", bytes[i], 10, 10, -1));
        }
        return out;
    }

    @Test
    void aNoisyButLevelHeapIsFlat() {
        Flatness f = Flatness.judge(heap(50 * MIB, 52 * MIB, 49 * MIB, 51 * MIB, 50 * MIB, 53 * MIB, 49 * MIB,
                50 * MIB), 0, 32 * MIB, 10 * 1024);
        assertThat(f.flat()).as(f.describe()).isTrue();
        assertThat(f.early()).isEqualTo(50 * MIB);
        assertThat(f.end()).isEqualTo(50 * MIB);
    }

    @Test
    void aStepAboveTheLevelBoundIsNotFlat() {
        Flatness f = Flatness.judge(heap(50 * MIB, 50 * MIB, 50 * MIB, 50 * MIB, 90 * MIB, 90 * MIB, 90 * MIB),
                0, 32 * MIB, Double.MAX_VALUE);
        assertThat(f.violations()).singleElement().asString().contains("rose 40.0 MiB");
    }

    @Test
    void aSteadyLeakBelowTheLevelBoundIsCaughtByTheSlope() {
        long[] bytes = new long[12];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = 50 * MIB + i * MIB;
        }
        Flatness f = Flatness.judge(heap(bytes), 0, 32 * MIB, 50 * 1024);
        assertThat(Flatness.slope(heap(bytes))).isCloseTo(MIB / 10.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(f.violations()).singleElement().asString().contains("KiB/s");
    }

    @Test
    void samplesBeforeTheWarmUpAreNotJudged() {
        Flatness f = Flatness.judge(heap(10 * MIB, 30 * MIB, 60 * MIB, 60 * MIB, 61 * MIB, 60 * MIB, 60 * MIB,
                61 * MIB, 60 * MIB), 20, MIB, 10 * 1024);
        assertThat(f.samples()).isEqualTo(7);
        assertThat(f.flat()).as(f.describe()).isTrue();
    }

    @Test
    void aShortRunIsJudgedOnItsLastSixSamples() {
        Flatness f = Flatness.judge(heap(10 * MIB, 20 * MIB, 60 * MIB, 60 * MIB, 60 * MIB, 60 * MIB, 60 * MIB,
                60 * MIB), 1000, MIB, 10 * 1024);
        assertThat(f.samples()).isEqualTo(6);
        assertThat(f.flat()).as(f.describe()).isTrue();
    }

    @Test
    void tooFewSamplesAreAViolationNotAPass() {
        assertThat(Flatness.judge(heap(MIB, MIB, MIB), 0, MIB, 1).flat()).isFalse();
    }
}
