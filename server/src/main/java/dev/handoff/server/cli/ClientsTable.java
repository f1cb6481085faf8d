package dev.handoff.server.cli;

import dev.handoff.server.admin.ClientView;
import dev.handoff.server.admin.ClientsReport;
import dev.handoff.server.admin.ConnectionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link ClientsReport} as the text of {@code handoff clients}: one summary row per client, then per client its
 * connections (which address it came in by, how old, calls in flight) and its first locks. Pure.
 */
final class ClientsTable {
    private ClientsTable() {
    }

    static String render(ClientsReport r) {
        StringBuilder out = new StringBuilder();
        if (r.locksError() != null) {
            TextColumns.line(out, "locks not shown: " + r.locksError());
        }
        if (r.clients().isEmpty()) {
            TextColumns.line(out, "no clients: nothing mounted, connected or locked");
            return out.toString();
        }
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("CLIENT", "NAMES", "MOUNTS", "CONNS", "IN-FLIGHT", "LOCKS"));
        for (ClientView c : r.clients()) {
            int inFlight = c.connections().stream().mapToInt(ConnectionView::inFlight).sum();
            summary.add(List.of(TextColumns.text(c.client()), list(c.names()), list(c.mounts()),
                    Integer.toString(c.connections().size()), Integer.toString(inFlight), Integer.toString(c.locks())));
        }
        TextColumns.append(out, "", summary);
        for (ClientView c : r.clients()) {
            if (c.connections().isEmpty() && c.firstLocks().isEmpty()) {
                continue;
            }
            TextColumns.line(out, "");
            TextColumns.line(out, c.client() + ":");
            if (!c.connections().isEmpty()) {
                TextColumns.append(out, "  ", connections(c.connections()));
            }
            if (!c.firstLocks().isEmpty()) {
                TextColumns.append(out, "  ", LocksTable.rows(c.firstLocks()));
                if (c.locks() > c.firstLocks().size()) {
                    TextColumns.line(out, "  ... " + (c.locks() - c.firstLocks().size()) + " more (handoff locks)");
                }
            }
        }
        return out.toString();
    }

    private static List<List<String>> connections(List<ConnectionView> connections) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("LOCAL", "REMOTE", "AGE", "IN-FLIGHT", ""));
        for (ConnectionView c : connections) {
            rows.add(List.of(TextColumns.text(c.local()), TextColumns.text(c.remote()), age(c.ageSeconds()),
                    Integer.toString(c.inFlight()), c.quiescing() ? "draining" : ""));
        }
        return rows;
    }

    /** {@code 4.2s}, {@code 17m03s}, {@code 5h12m}: short enough for a column, exact enough to tell ages apart. */
    static String age(double seconds) {
        long s = (long) seconds;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(",", values);
    }
}
