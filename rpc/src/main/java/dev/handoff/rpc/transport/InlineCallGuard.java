package dev.handoff.rpc.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether calls may run on the event loop that read them now. A call run there holds up every other connection
 * of that loop, which is harmless while the file system answers in microseconds and not when it stalls (a dying
 * disk, a shared file system failing over, dirty pages being throttled). So once calls slower than {@code slow}
 * have taken more than {@code budget} of loop time within {@code window}, calls go to workers for {@code pause},
 * then are tried on the loops again: a file system that stays slow costs a loop about {@code budget} per pause,
 * never a loop held for good. One slow call alone (a garbage collection, a class loaded on first use) is within
 * the budget; a call that takes longer than the budget starts a pause when it ends.
 * <p>
 * Pure: times are {@link System#nanoTime()} readings passed in. Shared by the event loops: the quick path reads
 * one volatile; the slow path, rare by definition, is synchronized.
 */
final class InlineCallGuard {
    static final Duration SLOW = Duration.ofMillis(5);
    static final Duration WINDOW = Duration.ofSeconds(1);
    static final Duration BUDGET = Duration.ofMillis(20);
    static final Duration PAUSE = Duration.ofSeconds(10);

    private final long slowNanos;
    private final long windowNanos;
    private final long budgetNanos;
    private final long pauseNanos;
    private volatile boolean paused;
    private volatile long pausedUntil;
    /** Slow calls' time since {@link #windowStart}; guarded by this. */
    private long stalled;
    private long windowStart;
    private boolean windowOpen;
    private final AtomicLong pauses = new AtomicLong();

    InlineCallGuard(Duration slow, Duration window, Duration budget, Duration pause) {
        this.slowNanos = slow.toNanos();
        this.windowNanos = window.toNanos();
        this.budgetNanos = budget.toNanos();
        this.pauseNanos = pause.toNanos();
    }

    static InlineCallGuard defaults() {
        return new InlineCallGuard(SLOW, WINDOW, BUDGET, PAUSE);
    }

    boolean allowed(long now) {
        if (!paused) {
            return true;
        }
        if (now - pausedUntil < 0) {
            return false;
        }
        paused = false;
        return true;
    }

    /** One call ran on an event loop from {@code start} to {@code end}; true if that started a pause. */
    boolean ran(long start, long end) {
        return end - start > slowNanos && slowCall(start, end);
    }

    private synchronized boolean slowCall(long start, long end) {
        if (!windowOpen || end - windowStart > windowNanos) {
            windowOpen = true;
            windowStart = start;
            stalled = 0;
        }
        stalled += end - start;
        if (stalled <= budgetNanos) {
            return false;
        }
        windowOpen = false;
        pausedUntil = end + pauseNanos;
        paused = true;
        pauses.incrementAndGet();
        return true;
    }

    /** How many times calls were sent to workers for a while because calls on the loops were slow. */
    long pauses() {
        return pauses.get();
    }
}
