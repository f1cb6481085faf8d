package dev.handoff.it.wire;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs named checks one after the other and prints each outcome at once, so that a check that hangs or a JVM
 * that dies still leaves the lines of those before it. A check that throws anything fails with what it threw;
 * the next one runs regardless.
 */
final class CheckRun {
    private final PrintStream out;
    private final List<CheckLine> lines = new ArrayList<>();

    CheckRun(PrintStream out) {
        this.out = out;
    }

    /** A check: returns the detail to print when it passes, throws {@link CheckFailed} when it does not. */
    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    void check(String name, Body body) {
        CheckLine line;
        try {
            line = new CheckLine(name, true, body.run());
        } catch (CheckFailed f) {
            line = new CheckLine(name, false, f.getMessage());
        } catch (Exception | Error e) {
            line = new CheckLine(name, false, "threw " + e);
        }
        record(line);
    }

    /** A failure found outside any check (the client could not even mount): reported as a check of its own. */
    void fail(String name, Throwable cause) {
        record(new CheckLine(name, false, "threw " + cause));
    }

    List<CheckLine> lines() {
        return List.copyOf(lines);
    }

    long failures() {
        return lines.stream().filter(l -> !l.passed()).count();
    }

    private void record(CheckLine line) {
        lines.add(line);
        out.println(line.format());
        out.flush();
    }
}
