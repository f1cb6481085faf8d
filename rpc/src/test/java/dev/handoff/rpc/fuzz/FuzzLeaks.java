package dev.handoff.rpc.fuzz;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Netty's leak detector at PARANOID (every buffer tracked), with its reports counted instead of only logged,
 * so that a fuzz target can fail on them. Reports arrive late (a leaked buffer is found after it has been
 * garbage collected, when a later buffer is tracked), so a leak shows up a few inputs after the one that
 * caused it; the reference-count check of {@link FuzzChecks#release} catches the common case at once.
 */
public final class FuzzLeaks {
    private static final AtomicLong LEAKS = new AtomicLong();
    private static volatile String last;

    private FuzzLeaks() {
    }

    /**
     * Installs the counting detector. Must run before the first buffer class initialises (a static initialiser
     * of the fuzz test class), since each buffer class creates its detector once.
     */
    public static void install() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                       long maxActive) {
                return new Counting<>(resource, samplingInterval);
            }
        });
    }

    /** Fails when a leak has been reported since the JVM started. */
    public static void assertNone() {
        if (LEAKS.get() > 0) {
            throw new AssertionError(LEAKS.get() + " leaked buffers reported; last: " + last);
        }
    }

    private static final class Counting<T> extends ResourceLeakDetector<T> {
        Counting(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            last = resourceType + records;
            LEAKS.incrementAndGet();
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            last = resourceType;
            LEAKS.incrementAndGet();
        }
    }
}
