package dev.handoff.it.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code handoff} invocation inside a lifecycle hook. Hooks get no {@code $(VAR)} expansion from the
 * kubelet, so they are {@code /bin/sh -c SCRIPT} reading the environment; this finds the launcher's words in
 * the script (up to a redirection or a shell operator) and drops the shell's double quotes.
 */
final class Hooks {
    private Hooks() {
    }

    static List<String> handoffWords(List<String> command) {
        if (command.size() != 3 || !command.get(0).equals("/bin/sh") || !command.get(1).equals("-c")) {
            throw new AssertionError("a hook should be /bin/sh -c SCRIPT, not " + command);
        }
        String script = command.get(2);
        int at = script.indexOf(ServeArgs.LAUNCHER + " ");
        if (at < 0) {
            throw new AssertionError("the hook does not run " + ServeArgs.LAUNCHER + ": " + script);
        }
        String rest = script.substring(at + ServeArgs.LAUNCHER.length() + 1).lines().findFirst().orElse("");
        List<String> words = new ArrayList<>();
        for (String w : rest.strip().split("\\s+")) {
            if (w.startsWith(">") || w.startsWith("2>") || w.equals("&&") || w.equals("||") || w.equals(";")
                    || w.equals("|")) {
                break;
            }
            words.add(w.replace("\"", ""));
        }
        return words;
    }

    /** Replaces whole-word {@code $NAME} as the shell would. */
    static List<String> substitute(List<String> words, Map<String, String> env) {
        return words.stream().map(w -> w.startsWith("$") && env.containsKey(w.substring(1)) ? env.get(w.substring(1))
                : w).toList();
    }
}
