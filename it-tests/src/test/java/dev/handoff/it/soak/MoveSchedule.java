package dev.handoff.it.soak;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Planned VIP moves on a thread of their own, one every {@code every} from the start of the load until five
 * seconds before its end, so that their rhythm does not depend on how long a round of sampling takes (three
 * full GCs on a busy machine can take many seconds). A move that fails is an anomaly; the next one is still
 * made on time.
 */
final class MoveSchedule implements AutoCloseable {
    private static final Duration LAST_BEFORE_END = Duration.ofSeconds(5);

    /** Moves the VIP once; returns what it did, for the log. */
    @FunctionalInterface
    interface Mover {
        String move() throws Exception;
    }

    private final String phase;
    private final Mover mover;
    private final Duration every;
    private final long startNanos;
    private final long lastNanos;
    private final AtomicInteger moves = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    MoveSchedule(String phase, Mover mover, Duration every, Duration length) {
        this.phase = phase;
        this.mover = mover;
        this.every = every;
        this.startNanos = System.nanoTime();
        this.lastNanos = startNanos + length.minus(LAST_BEFORE_END).toNanos();
        this.thread = Thread.ofPlatform().daemon().name("soak-mover").start(this::loop);
    }

    private void loop() {
        for (long next = startNanos + every.toNanos(); !stop && next - lastNanos <= 0; next += every.toNanos()) {
            try {
                while (!stop && System.nanoTime() - next < 0) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                return;
            }
            if (stop) {
                return;
            }
            double t = (System.nanoTime() - startNanos) / 1e9;
            try {
                System.out.printf(Locale.ROOT, "soak %s %.0fs: %s%n", phase, t, mover.move());
                moves.incrementAndGet();
            } catch (Exception | AssertionError e) {
                failures.add(String.format(Locale.ROOT, "%s: the move at %.0f s failed: %s", phase, t,
                        e.getMessage()));
            }
        }
    }

    int moves() {
        return moves.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(Duration.ofMinutes(2));
    }
}
