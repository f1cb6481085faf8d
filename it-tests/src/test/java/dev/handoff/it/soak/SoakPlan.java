package dev.handoff.it.soak;

import java.time.Duration;

/**
 * How long each phase of {@link SoakIT} loads the server, how often it looks and moves, and the bounds it judges
 * by. The short form (the default run) keeps both phases under three minutes of load; the long form
 * ({@code -Dhandoff.long=true}) runs an hour each; {@code -Dhandoff.soak.minutes=N} sets any other length.
 *
 * <p>Bounds. The level: live heap may end at most {@link #LEVEL_BOUND} above its early level. The slope: at most
 * {@link #LONG_SLOPE} (8 MiB an hour, 192 MiB a day: a leak that small still shows within a week on a 1 GiB
 * heap, one any larger shows in this hour), but never less than the level bound spread over the judged part of
 * the run, because over a few minutes the sampling noise of a busy heap (a few MiB) swamps such a slope. The
 * warm-up: five minutes in the long form, longer than the reply cache keeps an entry (180 s), so the cache has
 * reached its steady size before judging begins; in the short form the cache is still filling, and only the
 * coarse bounds apply.
 */
record SoakPlan(boolean longForm, Duration singleLoad, Duration clusterLoad, Duration sampleEvery, Duration moveEvery,
                Duration warmUp) {
    static final long LEVEL_BOUND = 32L * 1024 * 1024;
    static final double LONG_SLOPE = 8.0 * 1024 * 1024 / 3600;
    /** Descriptors may differ from their level before the load by this many once its connections are closed. */
    static final int FD_TOLERANCE = 5;
    /** Threads the load may add at its peak: Netty's loops and the workers are fixed pools; this is slack. */
    static final int THREAD_SLACK = 64;

    static SoakPlan fromProperties() {
        boolean longForm = Boolean.parseBoolean(System.getProperty("handoff.long", "false"));
        String minutes = System.getProperty("handoff.soak.minutes", "");
        if (!minutes.isBlank()) {
            Duration each = Duration.ofMinutes(Long.parseLong(minutes.trim()));
            return forLength(each.toMinutes() >= 10, each, each);
        }
        return longForm ? forLength(true, Duration.ofMinutes(60), Duration.ofMinutes(60))
                : forLength(false, Duration.ofSeconds(25), Duration.ofSeconds(50));
    }

    private static SoakPlan forLength(boolean longForm, Duration single, Duration cluster) {
        return longForm
                ? new SoakPlan(true, single, cluster, Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(5))
                : new SoakPlan(false, single, cluster, Duration.ofSeconds(5), Duration.ofSeconds(15),
                        Duration.ofSeconds(10));
    }

    /** The slope bound for a judged span of {@code seconds}. */
    static double slopeBound(double seconds) {
        return Math.max(LONG_SLOPE, LEVEL_BOUND / Math.max(1, seconds));
    }
}
