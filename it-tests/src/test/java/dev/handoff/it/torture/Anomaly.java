package dev.handoff.it.torture;

import java.util.List;

/**
 * Something the history cannot explain, with the history lines (or watcher samples) that show it.
 *
 * @param kind     lost-write, unexplained-content, lost-name, unexplained-name, wrong-reply, lock-overlap, vip-overlap,
 *                 vip-unserved
 * @param detail   what is wrong, in one sentence
 * @param evidence the lines that show it
 */
record Anomaly(String kind, String detail, List<String> evidence) {
    Anomaly {
        evidence = List.copyOf(evidence);
    }

    static Anomaly of(String kind, String detail, List<?> evidence) {
        return new Anomaly(kind, detail, evidence.stream().map(Object::toString).toList());
    }

    String describe() {
        StringBuilder b = new StringBuilder(kind).append(": ").append(detail).append('\n');
        evidence.forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }
}
