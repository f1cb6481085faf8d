package dev.handoff.server.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The clock and the pause of the verbs that poll a running server ({@code status --watch}, {@code vip move},
 * {@code node drain}). Tests pass a manual pair, so "after 300 ms" and timeouts come out the same on every
 * run and no test sleeps.
 *
 * @param clock monotonic in production (elapsed times are differences of its readings)
 */
record Pacing(InstantSource clock, Pause pause) {
    /** How often a waiting verb asks again: a planned handoff takes a few hundred milliseconds. */
    static final Duration POLL = Duration.ofMillis(100);

    /** Waits between two polls; Ctrl-C or a test ends the wait with {@link InterruptedException}. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The real thing: {@link System#nanoTime} (not the wall clock, which NTP may step) and a real sleep. */
    static Pacing system() {
        Instant base = Instant.now();
        long start = System.nanoTime();
        InstantSource monotonic = () -> base.plusNanos(System.nanoTime() - start);
        return new Pacing(monotonic, Thread::sleep);
    }

    /** {@code seconds} from the command line (fractions allowed) as a duration. */
    static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Seconds as the operator wrote them: {@code 30}, {@code 0.5}. */
    static String show(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    /** Time since {@code start} on this clock. */
    Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
