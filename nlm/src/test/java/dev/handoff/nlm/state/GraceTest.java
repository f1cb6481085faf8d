package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grace value on its own: start, who counts as done, early end and timeout. */
class GraceTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofSeconds(90);

    @Test
    void lastsThePeriodAndNoLonger() {
        Grace g = Grace.start(T0, PERIOD, Set.of("a"));
        assertThat(g.active(T0)).isTrue();
        assertThat(g.active(T0.plus(PERIOD).minusNanos(1))).isTrue();
        assertThat(g.active(T0.plus(PERIOD))).isFalse();
        assertThat(Grace.NONE.active(T0)).isFalse();
    }

    @Test
    void withNoExpectedClientThereIsNothingToWaitFor() {
        assertThat(Grace.start(T0, PERIOD, Set.of())).isEqualTo(Grace.NONE);
        assertThat(Grace.start(T0, Duration.ZERO, Set.of("a"))).isEqualTo(Grace.NONE);
    }

    @Test
    void aNonReclaimRequestEndsAClientsRecoveryOnlyAfterItReclaimed() {
        Grace g = Grace.start(T0, PERIOD, Set.of("a", "b"));
        assertThat(g.requestBy("a")).isEqualTo(g);
        Grace reclaimed = g.reclaimBy("a");
        assertThat(reclaimed.reclaimed()).containsExactly("a");
        assertThat(reclaimed.requestBy("a").pending()).containsExactly("b");
    }

    @Test
    void theLastDoneClientEndsGrace() {
        Grace g = Grace.start(T0, PERIOD, Set.of("a", "b"));
        assertThat(g.done("a").done("b")).isEqualTo(Grace.NONE);
        assertThat(g.reclaimBy("a").requestBy("a").done("b")).isEqualTo(Grace.NONE);
    }

    @Test
    void clientsOutsideTheExpectedSetNeitherDelayNorEndIt() {
        Grace g = Grace.start(T0, PERIOD, Set.of("a"));
        assertThat(g.reclaimBy("z")).isEqualTo(g);
        assertThat(g.done("z")).isEqualTo(g);
    }
}
