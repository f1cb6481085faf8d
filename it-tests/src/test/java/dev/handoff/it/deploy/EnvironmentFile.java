package dev.handoff.it.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of systemd's EnvironmentFile= syntax and ExecStart= variable expansion (systemd.exec(5),
 * systemd.service(5) "Command lines") that deploy/systemd uses: {@code KEY=value} lines, values optionally in
 * double quotes, # comments; in a command line {@code $KEY} splits the value into words, {@code ${KEY}} stays
 * one word. Anything fancier (backslash continuation, single quotes, escapes) is refused, not guessed at.
 */
final class EnvironmentFile {
    private static final Pattern LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"\\\\$`]*)\"|([^\\s\"'\\\\]*))");
    private static final Pattern WORD_VAR = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)$");
    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvironmentFile() {
    }

    static Map<String, String> parse(String text, String source) {
        Map<String, String> env = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException(source + ":" + n + ": not a KEY=value or KEY=\"value\" line: "
                        + line);
            }
            env.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
        }
        return env;
    }

    /** Expands a command line as systemd does for the forms above; an unset variable expands to nothing. */
    static List<String> expand(String commandLine, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String word : commandLine.strip().split("\\s+")) {
            Matcher whole = WORD_VAR.matcher(word);
            if (whole.matches()) {
                String value = env.getOrDefault(whole.group(1), "").strip();
                if (!value.isEmpty()) {
                    out.addAll(List.of(value.split("\\s+")));
                }
            } else {
                out.add(BRACED.matcher(word).replaceAll(r -> Matcher.quoteReplacement(
                        env.getOrDefault(r.group(1), ""))));
            }
        }
        return out;
    }
}
