package dev.handoff.it.kernel;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything one guest reported, in order: BOOT, TEST, METRIC, IOSTAT, IOHIST, IOVERIFY, STALL, RESULT lines
 * from its result channel, and the runner's VERDICT line.
 *
 * @param index the guest's number (client0 = 0)
 */
public record GuestResult(int index, List<SummaryLine> lines) {

    public GuestResult {
        lines = List.copyOf(lines);
    }

    public Verdict verdict() {
        return verdictLine().flatMap(l -> l.value("status")).map(Verdict::parse).orElse(Verdict.UNKNOWN);
    }

    public boolean passed() {
        return verdict() == Verdict.PASS;
    }

    /** qemu's exit status: 1 pass, 3 fail, 124/137 timeout; -1 if unknown. */
    public int qemuExit() {
        OptionalDouble exit = verdictLine().map(l -> l.number("qemu_exit")).orElse(OptionalDouble.empty());
        return exit.isPresent() ? (int) exit.getAsDouble() : -1;
    }

    /** Guest uptime when its network, rpcbind and statd were up. */
    public OptionalDouble bootSeconds() {
        return verdictLine().map(l -> l.number("boot_s")).orElse(OptionalDouble.empty());
    }

    /** Host-side time from qemu start to qemu exit. */
    public OptionalDouble wallSeconds() {
        return verdictLine().map(l -> l.number("wall_s")).orElse(OptionalDouble.empty());
    }

    public List<SummaryLine> lines(String keyword) {
        return lines.stream().filter(l -> l.keyword().equals(keyword)).toList();
    }

    public List<TestOutcome> tests() {
        return lines("TEST").stream().map(TestOutcome::of).toList();
    }

    /** The named test's outcome; throws if the guest never reported it (it did not get that far). */
    public TestOutcome test(String name) {
        return tests().stream().filter(t -> t.name().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new NoSuchElementException("guest " + index + " reported no test " + name
                        + "; its lines: " + lines));
    }

    /** Every value of METRIC lines with this name (a test may report one per node). */
    public List<Double> metrics(String name) {
        return lines("METRIC").stream().filter(l -> l.value("name").filter(name::equals).isPresent())
                .flatMap(l -> l.number("value").stream().boxed()).toList();
    }

    /** The last value of the METRIC lines with this name. */
    public OptionalDouble metric(String name) {
        List<Double> values = metrics(name);
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.getLast());
    }

    /** A value of continuous-io's IOSTAT line, e.g. {@code max_stall_ms}, {@code p99_ms}, {@code errors}. */
    public OptionalDouble iostat(String key) {
        return lastLine("IOSTAT").map(l -> l.number(key)).orElse(OptionalDouble.empty());
    }

    /** A value of continuous-io's IOVERIFY line ({@code records}, {@code ok}, {@code bad}, {@code unverified}). */
    public OptionalDouble ioverify(String key) {
        return lastLine("IOVERIFY").map(l -> l.number(key)).orElse(OptionalDouble.empty());
    }

    private Optional<SummaryLine> verdictLine() {
        return lastLine("VERDICT");
    }

    private Optional<SummaryLine> lastLine(String keyword) {
        List<SummaryLine> found = lines(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
    }
}
