package dev.handoff.nsm.notify;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later. The {@link Notifier} waits through this rather than sleeping, so that its retry schedule
 * is tested with a manual clock, and so that fifteen minutes of retries to a thousand peers hold no thread.
 */
@FunctionalInterface
public interface Scheduler {
    /** A scheduled task. */
    @FunctionalInterface
    interface Task {
        /** Does nothing if it already ran. */
        void cancel();
    }

    Task schedule(Duration delay, Runnable task);

    static Scheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
