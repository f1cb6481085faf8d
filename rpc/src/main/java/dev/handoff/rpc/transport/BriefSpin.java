package dev.handoff.rpc.transport;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * How an event loop waits for its next event: it polls without sleeping for up to {@code window} after its last
 * work, when the previous quiet spell was that short too, and sleeps otherwise.
 * <p>
 * Why: a client with one call in flight sends its next call a few tens of microseconds after our reply; if the
 * loop sleeps in between, waking it costs an interrupt to another CPU, and on a virtual machine that wake-up is
 * most of the round trip (a NULL call took 55 µs with the loop sleeping, 16 µs with both on one CPU). Polling
 * instead catches the call as it lands. Only traffic that keeps coming within the window makes a loop poll; a
 * quiet spell longer than that (a sporadic client, an idle server) sends it back to sleeping, so an idle server
 * spends nothing. The price is CPU: a loop whose calls arrive every 50 µs keeps its core busy. While calls run on
 * worker threads the loop sleeps, as polling would take a CPU from them (with 32 calls in flight the workers do
 * the work, and a reply from one wakes the loop anyway).
 * <p>
 * Netty's contract: return a positive count of ready events, 0 to run the loop again at once, or
 * {@link SelectStrategy#SELECT} to sleep until an event.
 */
final class BriefSpin implements SelectStrategy {
    static final Duration WINDOW = Duration.ofNanos(100_000);

    private final long windowNanos;
    private final BooleanSupplier mayPoll;
    private final LongSupplier clock;
    /** When the loop last found nothing to do; 0 while it is busy. */
    private long quietSince;
    private boolean quietSpellsAreShort = true;
    /** The last answer was SELECT: the loop has slept since, and what woke it was work this strategy never saw. */
    private boolean slept;

    /** {@code mayPoll}: false while polling would take a CPU from other work (calls running on workers). */
    BriefSpin(Duration window, BooleanSupplier mayPoll, LongSupplier clock) {
        this.windowNanos = window.toNanos();
        this.mayPoll = mayPoll;
        this.clock = clock;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        long now = clock.getAsLong();
        if (slept) {
            slept = false;
            quietEnds(now);
        }
        int ready = selectNow.get();
        if (ready > 0 || hasTasks) {
            quietEnds(now);
            return ready;
        }
        if (quietSince == 0) {
            quietSince = now == 0 ? 1 : now;
        }
        if (quietSpellsAreShort && now - quietSince < windowNanos && mayPoll.getAsBoolean()) {
            return 0;
        }
        slept = true;
        return SELECT;
    }

    private void quietEnds(long now) {
        if (quietSince != 0) {
            quietSpellsAreShort = now - quietSince <= windowNanos;
            quietSince = 0;
        }
    }
}
