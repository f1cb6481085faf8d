package dev.handoff.nlm.callback;

import java.time.Duration;

/**
 * How hard callbacks try.
 *
 * @param tryTimeout     one RPC try (rpcbind GETPORT, then the callback itself) waits this long for a reply
 * @param firstDelay     the wait before the second attempt of a GRANTED; it doubles each time up to maxDelay
 * @param maxDelay       the longest wait between attempts
 * @param giveUpAfter    a GRANTED not answered by then fails, and its lock is released (lockd retries for
 *                       about as long as the client's own 30 s re-poll takes to ask again)
 * @param maxOutstanding callbacks queued or in flight at once; beyond it a GRANTED fails at once and a _RES is
 *                       dropped, so that clients that never answer cannot fill the heap
 * @param rpcbindPort    where clients' rpcbind answers (111)
 */
public record CallbackPolicy(Duration tryTimeout, Duration firstDelay, Duration maxDelay, Duration giveUpAfter,
                             int maxOutstanding, int rpcbindPort) {
    public CallbackPolicy {
        if (tryTimeout.isNegative() || tryTimeout.isZero() || firstDelay.isNegative() || maxDelay.isNegative()
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be positive");
        }
    }

    public static CallbackPolicy defaults() {
        return new CallbackPolicy(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 1024, 111);
    }

    /** This policy with another bound on callbacks under way ({@code --max-pending-callbacks}). */
    public CallbackPolicy withMaxOutstanding(int n) {
        return new CallbackPolicy(tryTimeout, firstDelay, maxDelay, giveUpAfter, n, rpcbindPort);
    }

    /** The wait after {@code failures} failed attempts (1, 2, ...). */
    public Duration delayAfter(int failures) {
        Duration d = firstDelay;
        for (int i = 1; i < failures && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
