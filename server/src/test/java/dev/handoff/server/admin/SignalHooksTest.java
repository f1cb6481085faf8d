package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

class SignalHooksTest {
    /** A real SIGHUP to this JVM: the hook runs, and runs again after a failure. */
    @Test
    void everySighupRunsTheHookEvenAfterAFailedRun() throws InterruptedException {
        Semaphore ran = new Semaphore(0);
        AtomicInteger runs = new AtomicInteger();
        boolean installed = SignalHooks.installSighup(() -> {
            int run = runs.incrementAndGet();
            ran.release();
            if (run == 1) {
                throw new IllegalStateException("first reload failed");
            }
        });
        // A JVM started with SIGHUP ignored (nohup) or with -Xrs keeps the signal to itself.
        assumeTrue(installed, "this JVM does not let SIGHUP be handled");

        Signal.raise(new Signal("HUP"));
        assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        Signal.raise(new Signal("HUP"));
        assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(2);
    }
}
