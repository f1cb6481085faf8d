package dev.handoff.it.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.it.netns.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One phase of the soak: look at every server before the load, run {@link SoakLoad} and {@link LibnfsLoad} from
 * the client's namespace for the phase's length while looking every {@link SoakPlan#sampleEvery} (and moving the
 * VIP every {@link SoakPlan#moveEvery} through a {@link MoveSchedule} when given a mover), then wait for the
 * descriptors to come back once the load has closed its connections, and judge. Samples go to
 * {@code DIR/PHASE.csv}, the class histograms of the first and the last look at each server beside them.
 */
final class SoakPhase {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int FD_WINDOW = 5;

    private final String name;
    private final SoakPlan plan;
    private final Path dir;
    private final List<ProcessSampler> samplers;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> anomalies = new ArrayList<>();

    SoakPhase(String name, SoakPlan plan, Path dir, List<ProcessSampler> samplers) {
        this.name = name;
        this.plan = plan;
        this.dir = dir;
        this.samplers = List.copyOf(samplers);
    }

    PhaseResult run(NetworkNamespace client, String server, Path export, Duration length,
                    MoveSchedule.Mover mover) throws Exception {
        Files.createDirectories(dir);
        Map<String, Integer> fdsBefore = fdLevels(Duration.ZERO);
        sampleAll(-1, "before");
        histograms("before");
        int moves = 0;
        long start = System.nanoTime();
        JsonNode load;
        long libnfsRounds;
        try (LoadProcess driver = LoadProcess.start(client, server, export, length, dir);
             LibnfsLoad libnfs = new LibnfsLoad(client, server, export, dir)) {
            MoveSchedule schedule = mover == null ? null : new MoveSchedule(name, mover, plan.moveEvery(), length);
            try {
                double nextSample = 0;
                while (driver.running()) {
                    double t = (System.nanoTime() - start) / 1e9;
                    if (t >= nextSample) {
                        sampleAll(t, "load");
                        nextSample = t + plan.sampleEvery().toSeconds();
                    }
                    Thread.sleep(200);
                }
            } finally {
                if (schedule != null) {
                    schedule.close();
                    moves = schedule.moves();
                    anomalies.addAll(schedule.failures());
                }
            }
            load = driver.await(Duration.ofMinutes(2));
            libnfs.close();
            libnfsRounds = libnfs.rounds();
            if (libnfs.failures() > 0 && mover == null) {
                anomalies.add(name + ": " + libnfs.failures() + " libnfs rounds failed, the last: "
                        + libnfs.lastFailure());
            }
        }
        Map<String, Integer> fdsAfter = fdLevels(SETTLE, fdsBefore);
        sampleAll((System.nanoTime() - start) / 1e9, "after");
        levels(fdsBefore, "before");
        levels(fdsAfter, "after");
        histograms("after");
        writeCsv();
        long loadAnomalies = 0;
        for (String counter : LoadCounters.ANOMALIES) {
            loadAnomalies += load.path(counter).asLong();
        }
        if (loadAnomalies > 0) {
            anomalies.add(name + " load: " + loadAnomalies + " anomalies, the first: " + load.path("problems"));
        }
        return judge(load.path("ops").asLong() + libnfsRounds, moves, load, libnfsRounds,
                Math.max(0, loadAnomalies - 1));
    }

    /**
     * Each server's descriptor level: the least count over a window of polls a second apart (a scrape or an
     * attach in progress opens one for a moment; a leak stays). With a baseline, polls until every level is back
     * within {@link SoakPlan#FD_TOLERANCE} of it, or {@code limit} has passed.
     */
    private Map<String, Integer> fdLevels(Duration limit, Map<String, Integer> baseline) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        Map<String, Deque<Integer>> windows = new HashMap<>();
        Map<String, Integer> levels = new HashMap<>();
        while (true) {
            boolean back = true;
            for (ProcessSampler s : samplers) {
                Deque<Integer> w = windows.computeIfAbsent(s.node(), k -> new ArrayDeque<>());
                w.addLast(s.fds());
                if (w.size() > FD_WINDOW) {
                    w.removeFirst();
                }
                int level = w.stream().mapToInt(Integer::intValue).min().orElseThrow();
                levels.put(s.node(), level);
                back &= w.size() == FD_WINDOW
                        && (baseline == null || level <= baseline.get(s.node()) + SoakPlan.FD_TOLERANCE);
            }
            if (back || (System.nanoTime() > end && windows.values().iterator().next().size() >= FD_WINDOW)) {
                return levels;
            }
            Thread.sleep(1000);
        }
    }

    private Map<String, Integer> fdLevels(Duration limit) throws Exception {
        return fdLevels(limit, null);
    }

    /** Puts the settled descriptor levels into the {@code stage} samples in place of their single reading. */
    private void levels(Map<String, Integer> fds, String stage) {
        samples.replaceAll(x -> x.stage().equals(stage) ? new Sample(x.node(), x.seconds(), x.stage(),
                x.heapBytes(), fds.get(x.node()), x.threads(), x.directBytes()) : x);
    }

    /** @param extraAnomalies load anomalies beyond the one line that describes them all */
    private PhaseResult judge(long operations, int moves, JsonNode load, long libnfsRounds, long extraAnomalies) {
        List<String> lines = new ArrayList<>();
        long peakHeap = 0;
        long peakDirect = 0;
        int threadsPeak = 0;
        int fdsStart = 0;
        int fdsEnd = 0;
        for (ProcessSampler s : samplers) {
            String node = s.node();
            List<Sample> under = samples.stream().filter(x -> x.node().equals(node) && x.stage().equals("load"))
                    .toList();
            Sample before = before(node);
            Sample after = samples.stream().filter(x -> x.node().equals(node) && x.stage().equals("after"))
                    .reduce((a, b) -> b).orElseThrow();
            double span = under.isEmpty() ? 1 : under.getLast().seconds() - plan.warmUp().toSeconds();
            Flatness heap = Flatness.judge(under, plan.warmUp().toSeconds(), SoakPlan.LEVEL_BOUND,
                    SoakPlan.slopeBound(span));
            heap.violations().forEach(v -> anomalies.add(name + " " + node + ": " + v));
            int threads = samples.stream().filter(x -> x.node().equals(node)).mapToInt(Sample::threads).max()
                    .orElse(0);
            if (threads > before.threads() + SoakPlan.THREAD_SLACK) {
                anomalies.add(name + " " + node + ": threads rose from " + before.threads() + " to " + threads);
            }
            if (Math.abs(after.fds() - before.fds()) > SoakPlan.FD_TOLERANCE) {
                anomalies.add(name + " " + node + ": " + before.fds() + " descriptors before the load, "
                        + after.fds() + " after it");
            }
            peakHeap = Math.max(peakHeap, samples.stream().filter(x -> x.node().equals(node))
                    .mapToLong(Sample::heapBytes).max().orElse(0));
            peakDirect = Math.max(peakDirect, samples.stream().filter(x -> x.node().equals(node))
                    .mapToLong(Sample::directBytes).max().orElse(0));
            threadsPeak = Math.max(threadsPeak, threads);
            fdsStart += before.fds();
            fdsEnd += after.fds();
            lines.add(String.format(Locale.ROOT, "%s: %s; fds %d -> %d (peak %d); threads %d -> %d (peak %d)",
                    node, heap.describe(), before.fds(), after.fds(),
                    samples.stream().filter(x -> x.node().equals(node)).mapToInt(Sample::fds).max().orElse(0),
                    before.threads(), after.threads(), threads));
        }
        String summary = String.format(Locale.ROOT, "soak %s: %d ops (%d libnfs rounds, %d connections, "
                        + "%d blocking waits granted), %d moves, %d anomalies | %s", name, operations, libnfsRounds,
                load.path("connects_short").asLong() + load.path("connects_long").asLong(),
                load.path("lock_waits_granted").asLong(), moves, anomalies.size() + extraAnomalies,
                String.join(" | ", lines));
        return new PhaseResult(name, operations, moves, peakHeap, fdsStart, fdsEnd, threadsPeak, peakDirect,
                anomalies.size() + extraAnomalies, List.copyOf(anomalies), summary);
    }

    private Sample before(String node) {
        return samples.stream().filter(x -> x.node().equals(node) && x.stage().equals("before")).findFirst()
                .orElseThrow();
    }

    private void sampleAll(double t, String stage) throws Exception {
        for (ProcessSampler s : samplers) {
            samples.add(s.sample(t, stage));
        }
    }

    private void histograms(String when) throws Exception {
        for (ProcessSampler s : samplers) {
            Files.writeString(dir.resolve("histogram-" + s.node() + "-" + when + ".txt"), s.lastHistogram());
        }
    }

    private void writeCsv() throws Exception {
        Files.writeString(dir.resolve(name + ".csv"), Sample.HEADER + "\n"
                + samples.stream().map(s -> s.csv(name)).collect(Collectors.joining("\n")) + "\n");
    }
}
