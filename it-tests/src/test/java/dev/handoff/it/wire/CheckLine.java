package dev.handoff.it.wire;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the checks program's report, {@code CHECK name PASS|FAIL detail}: the program and the IT run in
 * different JVMs (the client must sit inside the network namespace), and text on stdout is what crosses.
 *
 * @param name   what was checked, without blanks (e.g. {@code ERR.NOENT.lookup})
 * @param passed whether the server answered as expected
 * @param detail the call, what was expected and what came back; one line
 */
public record CheckLine(String name, boolean passed, String detail) {
    static final String PREFIX = "CHECK ";
    private static final Pattern LINE = Pattern.compile("^CHECK (\\S+) (PASS|FAIL)(?: (.*))?$");

    public CheckLine {
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a check name has no blanks: '" + name + "'");
        }
        // Exception messages may span lines; the report must not, or its lines stop parsing.
        detail = detail == null ? "" : detail.replaceAll("\\s*\\R\\s*", " | ").strip();
    }

    public String format() {
        return PREFIX + name + (passed ? " PASS" : " FAIL") + (detail.isEmpty() ? "" : " " + detail);
    }

    /** The check a line of output reports, or empty for any other line (logs, the library's own prints). */
    public static Optional<CheckLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CheckLine(m.group(1), m.group(2).equals("PASS"), m.group(3)));
    }
}
