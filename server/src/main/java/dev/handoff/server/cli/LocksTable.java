package dev.handoff.server.cli;

import dev.handoff.server.admin.LockView;
import dev.handoff.server.admin.LocksReport;
import java.util.ArrayList;
import java.util.List;

/** {@link LocksReport} as the text of {@code handoff locks}: a totals line, then one row per lock. Pure. */
final class LocksTable {
    private LocksTable() {
    }

    static String render(LocksReport r) {
        StringBuilder out = new StringBuilder();
        String shown = r.truncated() ? " (first " + r.locks().size() + " shown; --limit N for more)" : "";
        TextColumns.line(out, r.total() + " locks on " + r.files() + " files, " + r.blocked() + " blocked"
                + (r.shares() == 0 ? "" : ", " + r.shares() + " share reservations") + shown);
        if (!r.locks().isEmpty()) {
            TextColumns.append(out, "  ", rows(r.locks()));
        }
        return out.toString();
    }

    /** The lock rows with their header; also the detail of {@code handoff clients}. */
    static List<List<String>> rows(List<LockView> locks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("FILE", "CLIENT", "SVID", "RANGE", "TYPE", "STATE"));
        for (LockView l : locks) {
            rows.add(List.of(TextColumns.text(l.file()), TextColumns.text(l.client()), Integer.toString(l.svid()),
                    TextColumns.text(l.range()), l.exclusive() ? "write" : "read", TextColumns.text(l.state())));
        }
        return rows;
    }
}
