package dev.handoff.it.hostile;

import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs named checks and prints one line each, {@code CHECK name PASS|FAIL detail}, which {@link HostileClientIT}
 * reads back; a check that throws anything fails with what it threw, and the next one runs.
 */
final class Checks {
    private static final Pattern LINE = Pattern.compile("CHECK (\\S+) (PASS|FAIL) ?(.*)");

    /** The body of one check; returns a short detail for the log. */
    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    /** One printed line, as the IT reads it. */
    record Line(String name, boolean passed, String detail) {
        static java.util.Optional<Line> parse(String text) {
            Matcher m = LINE.matcher(text);
            return m.matches() ? java.util.Optional.of(new Line(m.group(1), m.group(2).equals("PASS"), m.group(3)))
                    : java.util.Optional.empty();
        }
    }

    private final PrintStream out;
    private int run;
    private int failed;

    Checks(PrintStream out) {
        this.out = out;
    }

    void check(String name, Body body) {
        run++;
        String detail;
        boolean passed;
        try {
            detail = body.run();
            passed = true;
        } catch (CheckFailed e) {
            detail = e.getMessage();
            passed = false;
        } catch (Exception | AssertionError e) {
            detail = e.toString();
            passed = false;
        }
        if (!passed) {
            failed++;
        }
        out.println("CHECK " + name + " " + (passed ? "PASS" : "FAIL") + " "
                + String.valueOf(detail).replace('\n', ' '));
        out.flush();
    }

    int run() {
        return run;
    }

    int failed() {
        return failed;
    }

    static void expect(boolean condition, String message, Object... args) throws CheckFailed {
        if (!condition) {
            throw new CheckFailed(String.format(message, args));
        }
    }
}
