package dev.handoff.nsm.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a peer again after a notice of our restart failed, and when to stop: sm-notify's schedule
 * (nfs-utils), which Linux peers are used to. The first retry comes {@code firstDelay} after a failure, each
 * next one twice as late, at most {@code maxDelay}; a peer whose rpcbind says no statd is registered waits
 * {@code maxDelay} at once, as its statd is not about to appear. No attempt starts later than
 * {@code giveUpAfter} from the first one. Pure: times are passed in.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {
    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay and giveUpAfter >= 0");
        }
    }

    /** sm-notify's: 2 s doubling up to 120 s, for 15 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(120), Duration.ofMinutes(15));
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    public Duration delayAfter(int failures, boolean statdMissing) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures start at 1: " + failures);
        }
        if (statdMissing) {
            return maxDelay;
        }
        Duration d = firstDelay.multipliedBy(1L << Math.min(failures - 1, 30));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /**
     * The time of the next attempt after the {@code failures}-th failure, observed at {@code now}, of a peer
     * first tried at {@code firstAttempt}; empty when that would be past the deadline: give up.
     */
    public Optional<Instant> nextAttempt(Instant firstAttempt, int failures, boolean statdMissing, Instant now) {
        Instant next = now.plus(delayAfter(failures, statdMissing));
        return next.isAfter(firstAttempt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
