package dev.handoff.it.torture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * No moment with one VIP on two nodes (DESIGN.md §5: leases, quorum, epochs), from both views of the watcher:
 * no sample (an observer polling every node, confirmed by a second look) saw two holders, and the address
 * events show no overlap of {@link #MIN_EVENT_OVERLAP_MS} or more. Each node's events are stamped by its own
 * reader, so a shorter overlap may be stamping skew under load (the kit's VIP_OVERLAP_MIN_MS, same value).
 * Also no VIP left without any holder for {@link #MAX_UNSERVED_S} or more: a takeover needs the lease (3 s) plus a
 * margin, so a VIP nobody holds for that long is a failover that got stuck.
 */
final class VipCheck {
    static final double MIN_EVENT_OVERLAP_MS = 20;
    static final double MAX_UNSERVED_S = 30;

    private VipCheck() {
    }

    static List<Anomaly> check(List<VipSample> samples, List<VipAddressEvent> events) {
        List<Anomaly> out = new ArrayList<>();
        samples.stream().filter(s -> s.holders().size() > 1)
                .map(s -> Anomaly.of("vip-overlap", s.vip() + " held by nodes " + String.join(",", s.holders())
                        + " in a sample", List.of(s)))
                .forEach(out::add);
        samples.stream().collect(Collectors.groupingBy(VipSample::vip, TreeMap::new, Collectors.toList()))
                .values().forEach(list -> unserved(list, out));
        Map<String, List<VipAddressEvent>> byVip = events.stream().collect(Collectors.groupingBy(
                VipAddressEvent::vip, TreeMap::new, Collectors.toList()));
        byVip.values().forEach(list -> overlaps(list, out));
        return out;
    }

    /** Samples are written when the holders change, in order: a "none" lasts until the next line. */
    private static void unserved(List<VipSample> samples, List<Anomaly> out) {
        for (int i = 0; i + 1 < samples.size(); i++) {
            VipSample none = samples.get(i);
            double s = Double.parseDouble(samples.get(i + 1).epoch()) - Double.parseDouble(none.epoch());
            if (none.holders().isEmpty() && s >= MAX_UNSERVED_S) {
                out.add(Anomaly.of("vip-unserved", String.format("%s held by no node for %.1f s", none.vip(), s),
                        List.of(none, samples.get(i + 1))));
            }
        }
    }

    private static void overlaps(List<VipAddressEvent> events, List<Anomaly> out) {
        List<VipAddressEvent> sorted = events.stream().sorted(Comparator.comparingDouble(VipAddressEvent::epoch))
                .toList();
        Set<String> held = new LinkedHashSet<>();
        List<VipAddressEvent> window = new ArrayList<>();
        double since = 0;
        for (VipAddressEvent e : sorted) {
            boolean before = held.size() > 1;
            if (e.holds()) {
                held.add(e.node());
            } else {
                held.remove(e.node());
            }
            boolean now = held.size() > 1;
            if (!before && now) {
                since = e.epoch();
                window.clear();
            }
            if (before || now) {
                window.add(e);
            }
            if (before && !now) {
                double ms = (e.epoch() - since) * 1000;
                if (ms >= MIN_EVENT_OVERLAP_MS) {
                    out.add(Anomaly.of("vip-overlap", String.format("%s on two nodes for %.1f ms (address events)",
                            e.vip(), ms), window));
                }
            }
        }
        if (held.size() > 1) {
            out.add(Anomaly.of("vip-overlap", sorted.getLast().vip() + " on nodes " + held + " at the end", window));
        }
    }
}
