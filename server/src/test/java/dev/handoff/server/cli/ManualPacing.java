package dev.handoff.server.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A {@link Pacing} on a manual clock that each pause moves forward, so waiting verbs run at full speed and
 * print the same times on every run. After {@code pausesBeforeInterrupt} pauses the next one is interrupted,
 * the way Ctrl-C ends {@code status --watch}.
 */
final class ManualPacing implements InstantSource {
    private Instant now = Instant.parse("2025-03-01T12:00:00Z");
    private final int pausesBeforeInterrupt;
    private int pauses;

    ManualPacing(int pausesBeforeInterrupt) {
        this.pausesBeforeInterrupt = pausesBeforeInterrupt;
    }

    ManualPacing() {
        this(Integer.MAX_VALUE);
    }

    Pacing pacing() {
        return new Pacing(this, this::pause);
    }

    int pauses() {
        return pauses;
    }

    @Override
    public Instant instant() {
        return now;
    }

    private void pause(Duration d) throws InterruptedException {
        if (pauses == pausesBeforeInterrupt) {
            throw new InterruptedException("test over");
        }
        pauses++;
        now = now.plus(d);
    }
}
