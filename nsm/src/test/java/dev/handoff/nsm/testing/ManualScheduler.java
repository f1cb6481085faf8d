package dev.handoff.nsm.testing;

import dev.handoff.nsm.notify.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Runs scheduled tasks when the test advances its {@link ManualClock}, each at its due time, in order. */
public final class ManualScheduler implements Scheduler {
    private record Entry(Instant due, long seq, Runnable task) {
    }

    private final ManualClock clock;
    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparing(Entry::due).thenComparingLong(Entry::seq));
    private long seq;

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Entry e = new Entry(clock.instant().plus(delay), seq++, task);
        queue.add(e);
        return () -> {
            synchronized (ManualScheduler.this) {
                queue.remove(e);
            }
        };
    }

    /** Moves the clock forward by {@code d}, stopping at each due task to run it. */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due().isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            clock.set(next.due());
            next.task().run();
        }
        clock.set(end);
    }

    /** When the waiting tasks are due, soonest first. */
    public synchronized List<Instant> dueTimes() {
        List<Entry> entries = new ArrayList<>(queue);
        entries.sort(queue.comparator());
        return entries.stream().map(Entry::due).toList();
    }
}
