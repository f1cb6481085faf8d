package dev.handoff.server.cli;

import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.cluster.failover.HandoffReport;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link ClusterStatus} as the compact text of {@code handoff status}: a header line, then members, VIPs and
 * recent handoffs as aligned columns. Pure, so a test pins the layout.
 */
final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private StatusTable() {
    }

    /** The table; {@code zone} is where handoff times are shown (the operator's, in production). */
    static String render(ClusterStatus s, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        String grace = "grace " + (s.grace() ? "ON (only reclaims granted)" : "no");
        if (!s.clustered()) {
            line(out, "node " + s.node() + "  standalone (no cluster)  " + grace + "  locks " + s.locks());
            return out.toString();
        }
        String quorum = "quorum " + s.members().size() + "/" + s.expectedSize() + (s.quorum() ? "" : " LOST");
        line(out, "node " + s.node() + "  " + quorum + "  " + grace + "  locks " + s.locks());

        List<List<String>> members = new ArrayList<>();
        members.add(List.of("MEMBER", "ADDRESS", ""));
        for (ClusterStatus.Member m : s.members()) {
            members.add(List.of(text(m.name()), text(m.address()), marks(m)));
        }
        columns(out, members);

        List<List<String>> vips = new ArrayList<>();
        vips.add(List.of("VIP", "OWNER", "EPOCH", "STATE", "PHASE", "CHANGED", "CONNS"));
        for (ClusterStatus.Vip v : s.vips()) {
            vips.add(List.of(text(v.vip()), owner(v), Long.toString(v.epoch()), text(v.state()), text(v.phase()),
                    String.format(Locale.ROOT, "%.1fs ago", v.sinceChange()),
                    Integer.toString(v.connections().size())));
        }
        if (s.vips().isEmpty()) {
            line(out, "no VIPs configured");
        } else {
            columns(out, vips);
        }

        if (s.recent().isEmpty()) {
            line(out, "no handoffs yet");
            return out.toString();
        }
        List<List<String>> recent = new ArrayList<>();
        recent.add(List.of("TIME", "VIP", "KIND", "MOVE", "TOTAL", "STAGES (ms)"));
        for (HandoffReport r : s.recent()) {
            recent.add(List.of(time(r.at(), zone), text(r.vip()), text(r.kind()), text(r.from()) + "->" + text(r.to()),
                    ms(r.totalMs()) + " ms", stages(r.stagesMs())));
        }
        columns(out, recent);
        return out.toString();
    }

    /** A VIP on its way names where it goes: {@code node1->node2}. */
    static String owner(ClusterStatus.Vip v) {
        return v.target() == null || v.target().isEmpty() || v.target().equals(v.owner())
                ? text(v.owner()) : text(v.owner()) + "->" + v.target();
    }

    /**
     * Where a VIP row stands, for the progress lines of {@code vip move} and {@code node drain}:
     * {@code RELEASING node1 -> node2}, {@code SERVING on node2}, {@code FREE (last owner node1)}.
     */
    static String where(ClusterStatus.Vip v) {
        if (v.target() != null && !v.target().isEmpty() && !v.target().equals(v.owner())) {
            return text(v.state()) + " " + text(v.owner()) + " -> " + v.target();
        }
        return "FREE".equals(v.state()) ? "FREE (last owner " + text(v.owner()) + ")"
                : text(v.state()) + " on " + text(v.owner());
    }

    /** A handoff report as a heading line and one line per stage, for {@code vip move}. */
    static String report(HandoffReport r, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        line(out, text(r.kind()) + " of " + text(r.vip()) + " " + text(r.from()) + " -> " + text(r.to()) + " (epoch "
                + r.epoch() + ", reported by " + text(r.node()) + ", " + time(r.at(), zone) + "): " + ms(r.totalMs())
                + " ms, " + text(r.outcome()));
        List<List<String>> rows = new ArrayList<>();
        r.stagesMs().forEach((stage, took) -> rows.add(List.of(stage, ms(took) + " ms")));
        if (!rows.isEmpty()) {
            columns(out, rows);
        }
        return out.toString();
    }

    /** {@code stop 0.4, drain 41, ...}: each stage with its milliseconds, in stage order. */
    static String stages(Map<String, Double> stagesMs) {
        return stagesMs.entrySet().stream().map(e -> e.getKey() + " " + ms(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Tenths only where they tell something: below 10 ms. */
    static String ms(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String marks(ClusterStatus.Member m) {
        List<String> marks = new ArrayList<>();
        if (m.self()) {
            marks.add("self");
        }
        if (m.witness()) {
            marks.add("witness");
        }
        if (m.draining()) {
            marks.add("draining");
        }
        return String.join(",", marks);
    }

    /** The report's wall-clock time of day in {@code zone}; as written when it is not ISO-8601. */
    private static String time(String at, ZoneId zone) {
        if (at == null) {
            return "-";
        }
        try {
            return TIME.format(OffsetDateTime.parse(at).atZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    /** Rows as left-aligned columns two spaces apart, indented under the header line, trailing blanks cut. */
    private static void columns(StringBuilder out, List<List<String>> rows) {
        int[] width = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                l.append(row.get(i)).append(" ".repeat(width[i] - row.get(i).length() + 2));
            }
            line(out, l.toString().stripTrailing());
        }
    }

    /** A field an older or partial answer left out shows as a dash rather than failing the whole table. */
    static String text(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}
