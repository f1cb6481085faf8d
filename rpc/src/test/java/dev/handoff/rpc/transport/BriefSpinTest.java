package dev.handoff.rpc.transport;

import static io.netty.channel.SelectStrategy.SELECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An event loop polls through quiet spells as short as its traffic's, and sleeps through longer ones. */
class BriefSpinTest {
    private static final long US = 1_000L;
    private long now = 5_000_000 * US;
    private boolean workersIdle = true;
    private final BriefSpin spin = new BriefSpin(Duration.ofNanos(100 * US), () -> workersIdle, () -> now);

    private int quiet() throws Exception {
        return spin.calculateStrategy(() -> 0, false);
    }

    private int event() throws Exception {
        return spin.calculateStrategy(() -> 1, false);
    }

    @Test
    void pollsWhileCallsKeepComingWithinTheWindow() throws Exception {
        for (int call = 0; call < 100; call++) {
            assertThat(event()).isEqualTo(1);
            for (int i = 0; i < 30; i++) { // a microsecond a turn, 30 µs until the next call
                now += US;
                assertThat(quiet()).as("poll again, do not sleep").isZero();
            }
        }
    }

    @Test
    void sleepsOnceTheWindowPassesAndThroughLongSpellsAfterwards() throws Exception {
        assertThat(event()).isEqualTo(1);
        assertThat(quiet()).isZero();
        now += 99 * US;
        assertThat(quiet()).isZero();
        now += US;
        assertThat(quiet()).isEqualTo(SELECT);
        // It slept 5 ms, and was woken by an event the loop handled without asking: that spell was long, so
        // the next one is slept through at once.
        now += 5_000 * US;
        assertThat(quiet()).isEqualTo(SELECT);
        // Woken 40 µs later: spells are short again, so it polls.
        now += 40 * US;
        assertThat(event()).isEqualTo(1);
        now += US;
        assertThat(quiet()).isZero();
    }

    @Test
    void pendingTasksAreWorkNotQuiet() throws Exception {
        for (int i = 0; i < 10; i++) {
            now += 50 * US;
            assertThat(spin.calculateStrategy(() -> 0, true)).as("run the tasks, never sleep").isZero();
        }
        now += US;
        assertThat(quiet()).isZero();
    }

    @Test
    void sleepsWhileCallsRunOnWorkers() throws Exception {
        assertThat(event()).isEqualTo(1);
        workersIdle = false;
        now += US;
        assertThat(quiet()).as("the workers need the CPU").isEqualTo(SELECT);
        workersIdle = true;
        now += 10 * US;
        assertThat(event()).isEqualTo(1);
        now += US;
        assertThat(quiet()).isZero();
    }
}
