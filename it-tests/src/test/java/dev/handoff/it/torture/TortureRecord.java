package dev.handoff.it.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a torture run left in its results directory (host/cluster-torture.sh): the wire clients' histories
 * ({@code torture/history-*.jsonl}), the guests' histories ({@code guestN.data.log}), the VIP watcher's samples of
 * each VIP ({@code torture/watch-VIP/vip-samples.log}, {@code vip-events.log}) and the faults ({@code torture/faults.jsonl}).
 */
record TortureRecord(List<HistoryEntry> history, List<VipSample> samples, List<VipAddressEvent> addressEvents,
                     List<String> faults) {
    TortureRecord {
        history = List.copyOf(history);
        samples = List.copyOf(samples);
        addressEvents = List.copyOf(addressEvents);
        faults = List.copyOf(faults);
    }

    static TortureRecord read(Path outDir) {
        Path dir = outDir.resolve("torture");
        List<HistoryEntry> history = new ArrayList<>();
        files(dir, "history-").forEach(f -> history.addAll(HistoryLines.read(f)));
        files(outDir, "guest").stream().filter(f -> f.getFileName().toString().endsWith(".data.log"))
                .forEach(f -> history.addAll(HistoryLines.read(f)));
        List<VipSample> samples = new ArrayList<>();
        List<VipAddressEvent> events = new ArrayList<>();
        for (Path watch : files(dir, "watch-")) {
            String vip = watch.getFileName().toString().substring("watch-".length());
            Path log = watch.resolve("vip-samples.log");
            lines(log).stream().filter(l -> !l.isBlank()).forEach(l -> samples.add(VipSample.parse(vip, l)));
            lines(watch.resolve("vip-events.log")).stream().map(l -> VipAddressEvent.parse(vip, l))
                    .filter(e -> e != null).forEach(events::add);
        }
        return new TortureRecord(history, samples, events, lines(dir.resolve("faults.jsonl")));
    }

    /** Entries of one client. */
    long operations(String client) {
        return history.stream().filter(e -> e.client().equals(client)).count();
    }

    /** Operations that needed more than one send (retransmissions of the same xid). */
    long retransmitted() {
        return history.stream().filter(e -> e.attempts() > 1).count();
    }

    private static List<Path> files(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
