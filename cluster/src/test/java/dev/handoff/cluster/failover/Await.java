package dev.handoff.cluster.failover;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits, with a bound, for what real members and sockets do on their own threads. These tests run real
 * Hazelcast members and real listeners, where no clock can be stepped; every wait says what it waited for.
 */
final class Await {
    private Await() {
    }

    /** Polls {@code probe} every 20 ms until it yields a value; fails naming {@code what} after {@code bound}. */
    static <T> T until(String what, Duration bound, Supplier<Optional<T>> probe) {
        long end = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<T> got = probe.get();
            if (got.isPresent()) {
                return got.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + bound.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    static void until(String what, Duration bound, java.util.function.BooleanSupplier condition) {
        until(what, bound, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }
}
