package dev.handoff.it.soak;

import java.util.List;

/**
 * What one phase of {@link SoakIT} measured and found.
 *
 * @param operations calls answered to the load (its own count) plus libnfs rounds
 * @param fdsStart   descriptors of the phase's servers before the load, summed
 * @param fdsEnd     the same once the load's connections were closed
 * @param anomalyCount things that should not have happened, each counted (the load's by its counters)
 * @param anomalies  what should not have happened, described
 */
record PhaseResult(String phase, long operations, int moves, long peakHeapBytes, int fdsStart, int fdsEnd,
                   int threadsPeak, long peakDirectBytes, long anomalyCount,
                   List<String> anomalies, String summary) {
}
