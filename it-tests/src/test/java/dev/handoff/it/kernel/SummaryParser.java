package dev.handoff.it.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads run.sh's {@code summary.txt}. Every line starts with a keyword:
 * <pre>
 * NODE t_s=0.13 name=server_start node=1 status=up ip=10.0.3.1 secs=0.07 port111=yes
 * GUEST 0 BOOT|TEST|METRIC|IOSTAT|...|RESULT ...      what guest 0 wrote to its result channel
 * GUEST 0 VERDICT status=PASS qemu_exit=1 boot_s=2.37 wall_s=4.08 client0 ip=... tests=reach
 * EVENT t_s=2.90 name=vip_move ...                     host-side events
 * HOST_SCRIPT rc=0 log=...
 * TIMING servers_s=0.07 guests_s=4.29 total_s=4.42 accel=tcg kernel=6.1.0-56-amd64
 * RESULT status=PASS guests=1 passed=1 failed=0 host_script=none out=...
 * </pre>
 * Unknown keywords are kept in the summary and otherwise ignored, so the runner can grow new lines.
 */
final class SummaryParser {

    private SummaryParser() {
    }

    static KernelClientResult parse(int exitCode, Path outDir, List<String> summaryText, List<String> outputTail) {
        List<SummaryLine> summary = new ArrayList<>();
        Map<Integer, List<SummaryLine>> guestLines = new TreeMap<>();
        List<Event> nodes = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        String status = "ERROR";
        for (String text : summaryText) {
            if (text.isBlank()) {
                continue;
            }
            SummaryLine line = SummaryLine.parse(text);
            summary.add(line);
            switch (line.keyword()) {
                case "GUEST" -> guestLine(text).ifPresent(g -> guestLines
                        .computeIfAbsent(g.index(), i -> new ArrayList<>()).add(g.line()));
                case "NODE" -> nodes.add(Event.of(line));
                case "EVENT" -> events.add(Event.of(line));
                case "RESULT" -> status = line.value("status").orElse("ERROR");
                default -> {
                }
            }
        }
        List<GuestResult> guests = guestLines.entrySet().stream()
                .map(e -> new GuestResult(e.getKey(), e.getValue())).toList();
        return new KernelClientResult(exitCode, outDir, status, guests, nodes, events, summary, outputTail);
    }

    private record IndexedLine(int index, SummaryLine line) {
    }

    /** {@code GUEST <i> <rest>}: the rest is a line of its own; a malformed index drops the line. */
    private static Optional<IndexedLine> guestLine(String text) {
        String[] parts = text.strip().split("\\s+", 3);
        if (parts.length < 3 || !parts[1].matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return Optional.of(new IndexedLine(Integer.parseInt(parts[1]), SummaryLine.parse(parts[2])));
    }
}
