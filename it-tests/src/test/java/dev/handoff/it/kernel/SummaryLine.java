package dev.handoff.it.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of the runner's {@code summary.txt} (or of a guest's result channel): a keyword, then
 * {@code key=value} attributes in order, and any bare words (the VERDICT line ends with some).
 * A value runs to the next blank: the runner never writes blanks inside values.
 */
public record SummaryLine(String keyword, Map<String, String> attributes, List<String> words, String text) {

    public SummaryLine {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        words = List.copyOf(words);
    }

    /** Parses {@code KEYWORD k=v k=v word...}; a blank line has the keyword "". */
    public static SummaryLine parse(String text) {
        String[] tokens = text.strip().split("\\s+");
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                // a repeated key keeps its first value, as the runner writes the primary one first
                attributes.putIfAbsent(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
            } else {
                words.add(tokens[i]);
            }
        }
        return new SummaryLine(tokens[0], attributes, words, text.strip());
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** The attribute as a number; empty when absent or not numeric (the runner writes "?" for unknowns). */
    public OptionalDouble number(String key) {
        String v = attributes.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
