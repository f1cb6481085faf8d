package dev.handoff.it.kernel;

/**
 * One guest test as the guest reported it ({@code TEST name=quick rc=0 status=PASS secs=0.66}).
 *
 * @param rc      the test's failure count (capped at 99), or 127 when no such test script exists
 * @param seconds guest-side duration
 */
public record TestOutcome(String name, int rc, boolean passed, double seconds) {

    static TestOutcome of(SummaryLine line) {
        return new TestOutcome(
                line.value("name").orElse(""),
                (int) line.number("rc").orElse(-1),
                line.value("status").filter("PASS"::equals).isPresent(),
                line.number("secs").orElse(Double.NaN));
    }
}
