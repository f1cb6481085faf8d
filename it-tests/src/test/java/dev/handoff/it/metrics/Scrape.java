package dev.handoff.it.metrics;

import java.util.Arrays;
import java.util.List;

/** A parsed Prometheus text-format scrape: enough to add up the samples of one series family. */
record Scrape(String text) {

    /**
     * The sum of the samples named exactly {@code name} whose label set contains every one of
     * {@code labels} (each written as in the scrape, e.g. {@code procedure="READ"}); 0 when none match.
     */
    double sum(String name, String... labels) {
        double total = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, brace >= 0 ? brace : space);
            String labelText = brace >= 0 ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            if (series.equals(name) && Arrays.stream(labels).allMatch(labelText::contains)) {
                total += Double.parseDouble(line.substring(space + 1));
            }
        }
        return total;
    }

    /** The sample lines of {@code name} (for assertion messages). */
    List<String> lines(String name) {
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).toList();
    }
}
