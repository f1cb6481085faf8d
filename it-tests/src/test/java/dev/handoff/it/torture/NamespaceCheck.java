package dev.handoff.it.torture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The final directory listing against CREATE, RENAME and REMOVE of the history. Every name starts absent; an
 * acknowledged operation sets what it did, an unacknowledged one (no reply, or an error) leaves both the state
 * before and the state after possible. The clients use each name once and abandon a name after an operation on it
 * went unacknowledged, so applying the entries in each client's order is exact. A file present that no sequence
 * explains, or missing though an acknowledged operation made it, is an anomaly. Names that start with a client's
 * prefix ({@code CLIENT-}) and appear in no operation count as unexplained too.
 */
final class NamespaceCheck {
    private enum Presence { PRESENT, ABSENT }

    private NamespaceCheck() {
    }

    static List<Anomaly> check(List<HistoryEntry> history, ExportSnapshot snapshot) {
        Map<String, Set<Presence>> possible = new LinkedHashMap<>();
        Map<String, List<HistoryEntry>> ops = new HashMap<>();
        for (HistoryEntry e : history) {
            switch (e.op()) {
                case "CREATE" -> apply(possible, ops, e, e.arg("name"), Presence.PRESENT);
                case "REMOVE" -> apply(possible, ops, e, e.arg("name"), Presence.ABSENT);
                case "RENAME" -> {
                    // Unacknowledged and its source cannot exist: it cannot have run.
                    boolean fromMayExist = possible.getOrDefault(e.arg("from"), EnumSet.of(Presence.ABSENT))
                            .contains(Presence.PRESENT);
                    if (e.acknowledged() || fromMayExist) {
                        apply(possible, ops, e, e.arg("from"), Presence.ABSENT);
                        apply(possible, ops, e, e.arg("to"), Presence.PRESENT);
                    } else {
                        ops.computeIfAbsent(e.arg("to"), k -> new ArrayList<>()).add(e);
                    }
                }
                default -> { }
            }
        }
        List<Anomaly> out = new ArrayList<>();
        possible.forEach((name, states) -> {
            boolean there = snapshot.has(name);
            if (there && !states.contains(Presence.PRESENT)) {
                out.add(Anomaly.of("unexplained-name", name + " exists, but the history removed it or never made "
                        + "it", ops.get(name)));
            } else if (!there && !states.contains(Presence.ABSENT)) {
                out.add(Anomaly.of("lost-name", name + " is missing, but an acknowledged operation made it",
                        ops.get(name)));
            }
        });
        Set<String> prefixes = new HashSet<>();
        history.forEach(e -> prefixes.add(e.client() + "-"));
        for (String name : snapshot.files().keySet()) {
            if (!possible.containsKey(name) && prefixes.stream().anyMatch(name::startsWith)) {
                out.add(Anomaly.of("unexplained-name", name + " exists, but no operation of the history names it",
                        List.of()));
            }
        }
        return out;
    }

    private static void apply(Map<String, Set<Presence>> possible, Map<String, List<HistoryEntry>> ops,
                              HistoryEntry e, String name, Presence after) {
        ops.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
        Set<Presence> now = possible.computeIfAbsent(name, k -> EnumSet.of(Presence.ABSENT));
        if (e.acknowledged()) {
            now.clear();
        }
        now.add(after);
    }
}
