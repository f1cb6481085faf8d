package dev.handoff.rpc.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run calls off the event loops, and how many calls they are running: while any are, the event
 * loops sleep between events instead of polling ({@link BriefSpin}), leaving the CPUs to the workers.
 */
final class WorkerPool {
    private final ExecutorService threads;
    private final AtomicInteger running = new AtomicInteger();

    WorkerPool(ExecutorService threads) {
        this.threads = threads;
    }

    /** Runs {@code call} on a worker; throws {@link RejectedExecutionException} once the pool is shut down. */
    void execute(Runnable call) {
        running.incrementAndGet();
        try {
            threads.execute(() -> {
                try {
                    call.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            running.decrementAndGet();
            throw e;
        }
    }

    boolean idle() {
        return running.get() == 0;
    }

    /** Stops taking calls and waits up to {@code grace} for the running ones, then interrupts them. */
    void shutdown(java.time.Duration grace) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
