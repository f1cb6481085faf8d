package dev.handoff.nsm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy SM_NOTIFY = RetryPolicy.defaults();
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void delaysDoubleFromTwoSecondsToTwoMinutesAsSmNotifyDoes() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(n -> SM_NOTIFY.delayAfter(n, false).toSeconds()))
                .containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 120L, 120L, 120L);
        assertThat(SM_NOTIFY.delayAfter(1_000_000, false)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aPeerWithoutStatdWaitsTheLongestDelayAtOnce() {
        assertThat(SM_NOTIFY.delayAfter(1, true)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void noAttemptStartsMoreThanFifteenMinutesAfterTheFirst() {
        assertThat(SM_NOTIFY.nextAttempt(T0, 1, false, T0.plusSeconds(1))).contains(T0.plusSeconds(3));
        assertThat(SM_NOTIFY.nextAttempt(T0, 12, false, T0.plusSeconds(780))).contains(T0.plusSeconds(900));
        assertThat(SM_NOTIFY.nextAttempt(T0, 12, false, T0.plusSeconds(781))).isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SM_NOTIFY.delayAfter(0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
