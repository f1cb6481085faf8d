package dev.handoff.cluster.membership;

import dev.handoff.cluster.vip.VipInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A sink that keeps every input with its arrival time, and waits (bounded) for one that matches. */
final class InputRecorder implements Consumer<VipInput> {
    record Arrival(long nanos, VipInput input) {
    }

    private final List<Arrival> arrivals = new ArrayList<>();

    @Override
    public synchronized void accept(VipInput input) {
        arrivals.add(new Arrival(System.nanoTime(), input));
        notifyAll();
    }

    /** The first input at or after {@code sinceNanos} that matches; fails the test after {@code timeout}. */
    synchronized Arrival await(long sinceNanos, Predicate<VipInput> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Arrival a : arrivals) {
                if (a.nanos() >= sinceNanos && match.test(a.input())) {
                    return a;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching input within " + timeout + "; got " + arrivals);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The last input of the given kind, or null. */
    synchronized <T extends VipInput> T last(Class<T> kind) {
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            if (kind.isInstance(arrivals.get(i).input())) {
                return kind.cast(arrivals.get(i).input());
            }
        }
        return null;
    }
}
