package dev.handoff.it.kernel;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Something the host side recorded during a run: an {@code EVENT} line written by a host-script helper
 * ({@code kc_event}, {@code kc_vip_move}, {@code kc_node_kill}...) or a {@code NODE} line (server start).
 *
 * @param name      the event's name, e.g. {@code vip_move} or {@code server_start}
 * @param atSeconds when it happened, in seconds since the run's namespace came up
 */
public record Event(String name, double atSeconds, SummaryLine line) {

    static Event of(SummaryLine line) {
        return new Event(line.value("name").orElse(""), line.number("t_s").orElse(Double.NaN), line);
    }

    public Map<String, String> attributes() {
        return line.attributes();
    }

    public Optional<String> value(String key) {
        return line.value(key);
    }

    public OptionalDouble number(String key) {
        return line.number(key);
    }

    @Override
    public String toString() {
        return line.text();
    }
}
