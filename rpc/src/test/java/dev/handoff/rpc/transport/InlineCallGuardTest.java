package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Calls leave the event loops for a while once slow calls have taken too much loop time, then come back. */
class InlineCallGuardTest {
    private static final long MS = 1_000_000L;
    private final InlineCallGuard guard = new InlineCallGuard(Duration.ofMillis(5), Duration.ofSeconds(1),
            Duration.ofMillis(20), Duration.ofSeconds(10));

    @Test
    void quickCallsNeverCount() {
        long t = 7_000 * MS;
        for (int i = 0; i < 1000; i++) {
            assertThat(guard.allowed(t)).isTrue();
            assertThat(guard.ran(t, t + 5 * MS)).as("5 ms is not yet slow").isFalse();
            t += 5 * MS;
        }
        assertThat(guard.pauses()).isZero();
    }

    @Test
    void oneSlowCallWithinTheBudgetIsForgiven() {
        long t = 100 * MS;
        assertThat(guard.ran(t, t + 15 * MS)).as("a garbage collection, a class loaded").isFalse();
        assertThat(guard.allowed(t + 15 * MS)).isTrue();
        // Another one a second and more later starts a new window.
        assertThat(guard.ran(t + 1_100 * MS, t + 1_115 * MS)).isFalse();
        assertThat(guard.pauses()).isZero();
    }

    @Test
    void slowCallsOverTheBudgetWithinAWindowSendCallsToWorkersForThePause() {
        long t = -3 * MS; // nanoTime may be negative
        assertThat(guard.ran(t, t + 8 * MS)).isFalse();
        assertThat(guard.ran(t + 300 * MS, t + 308 * MS)).isFalse();
        assertThat(guard.ran(t + 600 * MS, t + 608 * MS)).as("24 ms of slow calls within a second").isTrue();
        long end = t + 608 * MS;
        assertThat(guard.allowed(end)).isFalse();
        assertThat(guard.allowed(end + 9_999 * MS)).isFalse();
        assertThat(guard.allowed(end + 10_000 * MS)).isTrue();
        assertThat(guard.allowed(end + 10_001 * MS)).as("stays allowed").isTrue();
        assertThat(guard.pauses()).isEqualTo(1);
    }

    @Test
    void oneCallLongerThanTheBudgetPausesAtOnce() {
        long t = Long.MAX_VALUE - 5_000 * MS; // and may wrap around
        assertThat(guard.ran(t, t + 21 * MS)).isTrue();
        assertThat(guard.allowed(t + 9_000 * MS)).isFalse();
        assertThat(guard.allowed(t + 10_021 * MS)).isTrue();
        // After the pause the budget is whole again.
        assertThat(guard.ran(t + 10_100 * MS, t + 10_115 * MS)).isFalse();
        assertThat(guard.pauses()).isEqualTo(1);
    }
}
