package dev.handoff.it.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The outcome of one {@link KernelClientRun}: the runner's exit code and its parsed {@code summary.txt}.
 * When the runner failed before writing a summary (usage or setup error, killed at the deadline), status is
 * {@code ERROR}, there are no guests, and {@link #outputTail()} holds the runner's last output lines.
 *
 * @param exitCode   run.sh's exit code: 0 all passed, 1 a test failed, 2 setup or server-start error
 * @param status     the summary's RESULT status: PASS, FAIL or ERROR
 * @param nodes      server start events, one per start (restarts by a host script included)
 * @param events     EVENT lines from the host side
 * @param summary    every summary line, as written
 * @param outputTail the runner's last output lines (progress, errors)
 */
public record KernelClientResult(int exitCode, Path outDir, String status, List<GuestResult> guests,
        List<Event> nodes, List<Event> events, List<SummaryLine> summary, List<String> outputTail) {

    public KernelClientResult {
        guests = List.copyOf(guests);
        nodes = List.copyOf(nodes);
        events = List.copyOf(events);
        summary = List.copyOf(summary);
        outputTail = List.copyOf(outputTail);
    }

    /** Every guest passed, the host script (if any) exited 0, and the runner said so. */
    public boolean passed() {
        return exitCode == 0 && "PASS".equals(status);
    }

    public GuestResult guest(int index) {
        return guests.stream().filter(g -> g.index() == index).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no guest " + index + " in the summary\n" + describe()));
    }

    public List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The first event of that name. */
    public Optional<Event> event(String name) {
        return events(name).stream().findFirst();
    }

    /** The host script's exit code (124 when it was killed at the end); empty without a host script. */
    public OptionalInt hostScriptRc() {
        return line("HOST_SCRIPT").flatMap(l -> l.value("rc")).filter(v -> v.matches("-?\\d+"))
                .map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    /** A value of the TIMING line: {@code servers_s}, {@code guests_s}, {@code total_s}. */
    public OptionalDouble timing(String key) {
        return line("TIMING").map(l -> l.number(key)).orElse(OptionalDouble.empty());
    }

    /** For assertion messages: verdict, where the logs are, the whole summary or the runner's last output. */
    public String describe() {
        StringBuilder b = new StringBuilder()
                .append("kernel client run: status=").append(status).append(" exit=").append(exitCode)
                .append(" out=").append(outDir).append('\n');
        if (summary.isEmpty()) {
            b.append("no summary.txt; the runner's last output:\n");
            outputTail.forEach(l -> b.append("  ").append(l).append('\n'));
        } else {
            summary.forEach(l -> b.append("  ").append(l.text()).append('\n'));
            b.append("guest consoles: ").append(outDir.resolve("guest0.console.log")).append(" ...\n");
        }
        return b.toString();
    }

    private Optional<SummaryLine> line(String keyword) {
        return summary.stream().filter(l -> l.keyword().equals(keyword)).reduce((a, b) -> b);
    }
}
