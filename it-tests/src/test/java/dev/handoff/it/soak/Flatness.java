package dev.handoff.it.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether one process's live heap stayed flat over a load: after the warm-up (caches and the duplicate reply
 * cache fill, the JIT settles), the level at the end (median of the last three samples) must be within
 * {@code levelBound} of the early level (median of the first three), AND the least-squares slope over all those
 * samples must stay below {@code slopeBound}. The level check catches a step; the slope catches a steady leak
 * that the noise of single samples would hide from the level check. Medians of three make one sample taken in
 * the middle of a burst of allocation not decide the verdict.
 *
 * @param samples      the samples judged (after the warm-up)
 * @param early        median live heap of the first three, bytes
 * @param end          median live heap of the last three, bytes
 * @param slope        least-squares slope, bytes per second
 * @param violations   what broke a bound, empty when flat
 */
record Flatness(int samples, long early, long end, double slope, List<String> violations) {
    private static final int EDGE = 3;
    private static final int MIN_SAMPLES = 2 * EDGE;

    boolean flat() {
        return violations.isEmpty();
    }

    /**
     * Judges the {@code load} samples at or after {@code warmUpSeconds}; with fewer than six of them, the last
     * six of the load instead (a short run must still be judged).
     */
    static Flatness judge(List<Sample> load, double warmUpSeconds, long levelBound, double slopeBound) {
        List<Sample> judged = load.stream().filter(s -> s.seconds() >= warmUpSeconds).toList();
        if (judged.size() < MIN_SAMPLES) {
            judged = load.subList(Math.max(0, load.size() - MIN_SAMPLES), load.size());
        }
        List<String> violations = new ArrayList<>();
        if (judged.size() < MIN_SAMPLES) {
            violations.add("only " + judged.size() + " samples under load; at least " + MIN_SAMPLES + " are needed");
            return new Flatness(judged.size(), 0, 0, 0, violations);
        }
        long early = median(judged.subList(0, EDGE));
        long end = median(judged.subList(judged.size() - EDGE, judged.size()));
        double slope = slope(judged);
        if (end - early > levelBound) {
            violations.add(String.format(Locale.ROOT, "live heap rose %.1f MiB from %.1f to %.1f MiB (bound %.1f MiB)",
                    mib(end - early), mib(early), mib(end), mib(levelBound)));
        }
        if (slope > slopeBound) {
            violations.add(String.format(Locale.ROOT, "live heap grew %.1f KiB/s by least squares (bound %.1f KiB/s)",
                    slope / 1024, slopeBound / 1024));
        }
        return new Flatness(judged.size(), early, end, slope, List.copyOf(violations));
    }

    /** Least-squares slope of live heap over time, bytes per second. */
    static double slope(List<Sample> samples) {
        double n = samples.size();
        double mx = samples.stream().mapToDouble(Sample::seconds).sum() / n;
        double my = samples.stream().mapToDouble(Sample::heapBytes).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            sxy += (s.seconds() - mx) * (s.heapBytes() - my);
            sxx += (s.seconds() - mx) * (s.seconds() - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static long median(List<Sample> three) {
        return three.stream().mapToLong(Sample::heapBytes).sorted().skip(three.size() / 2).findFirst().orElse(0);
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    String describe() {
        return String.format(Locale.ROOT, "live heap %.1f -> %.1f MiB, slope %.2f KiB/s over %d samples%s",
                mib(early), mib(end), slope / 1024, samples, flat() ? "" : ": " + String.join("; ", violations));
    }
}
