package dev.handoff.cluster.vip;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shared VIP table as one node last saw it, with the time (on its clock) each row last changed: the start
 * of the wait before a silent owner's row counts as expired. Mutable, owned by {@link VipOwnership}.
 */
final class TableView {
    /** A row as last seen, and when it last changed. */
    record Seen(VipRecord record, Instant changedAt) {
    }

    private final Map<VipId, Seen> rows = new TreeMap<>();

    /**
     * Takes in {@code record}; whether it is news. The same row again does not restart the wait. A notified row
     * with a lower renewal is a late delivery of one already replaced (every write raises the renewal); a row
     * {@code read} from the table is what it holds now, whatever was notified before.
     */
    boolean observe(VipRecord record, Instant now, boolean read) {
        Seen old = rows.get(record.vip());
        if (old != null && (old.record().equals(record) || (!read && record.renewal() < old.record().renewal()))) {
            return false;
        }
        rows.put(record.vip(), new Seen(record, now));
        return true;
    }

    VipRecord row(VipId vip) {
        Seen s = rows.get(vip);
        return s == null ? null : s.record();
    }

    Set<Map.Entry<VipId, Seen>> entries() {
        return rows.entrySet();
    }

    /** VIPs per node: owners of held rows, and the targets of rows being released. */
    Map<NodeId, Integer> load() {
        Map<NodeId, Integer> load = new TreeMap<>();
        for (Seen s : rows.values()) {
            VipRecord r = s.record();
            switch (r.state()) {
                case SERVING, ACQUIRING -> load.merge(r.owner(), 1, Integer::sum);
                case RELEASING -> load.merge(r.target(), 1, Integer::sum);
                case FREE -> {
                }
            }
        }
        return load;
    }
}
