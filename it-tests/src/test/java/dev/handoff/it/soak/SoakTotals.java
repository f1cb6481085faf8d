package dev.handoff.it.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON object the long-form runner prints ({@code ${handoff.totals.dir}/SoakIT.json}): both phases
 * together. Descriptors are summed over every server looked at; heap, direct memory and threads are the peak
 * of any one of them.
 */
final class SoakTotals {
    private final List<PhaseResult> phases = new ArrayList<>();

    synchronized void add(PhaseResult r) {
        phases.add(r);
    }

    synchronized Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test", "SoakIT");
        out.put("operations", phases.stream().mapToLong(PhaseResult::operations).sum());
        out.put("moves", phases.stream().mapToInt(PhaseResult::moves).sum());
        out.put("peak_heap_bytes", phases.stream().mapToLong(PhaseResult::peakHeapBytes).max().orElse(0));
        out.put("peak_direct_bytes", phases.stream().mapToLong(PhaseResult::peakDirectBytes).max().orElse(0));
        out.put("fds_start", phases.stream().mapToInt(PhaseResult::fdsStart).sum());
        out.put("fds_end", phases.stream().mapToInt(PhaseResult::fdsEnd).sum());
        out.put("threads_peak", phases.stream().mapToInt(PhaseResult::threadsPeak).max().orElse(0));
        out.put("phases", phases.size());
        out.put("anomalies", phases.stream().mapToLong(PhaseResult::anomalyCount).sum());
        return out;
    }

    /** Writes the totals when the runner asked for them (the property is set by Surefire and Failsafe). */
    void write() throws Exception {
        String dir = System.getProperty("handoff.totals.dir", "");
        if (dir.isBlank()) {
            return;
        }
        Path d = Files.createDirectories(Path.of(dir));
        new ObjectMapper().writeValue(d.resolve("SoakIT.json").toFile(), json());
    }
}
