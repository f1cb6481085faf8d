package dev.handoff.server.admin;

import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.PendingGrant;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.Waiter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The answer to {@code GET /v1/locks}: the first {@code limit} locks of the table, held ones and waits, with the
 * totals. Ordered by file, then as the record keeps them (held locks by start, waits in arrival order), so two
 * reads of an unchanged table list the same locks. Share reservations are counted, not listed: only PC-NFS
 * clients take them, and they cover whole files.
 *
 * @param total   held locks and waits in the whole table
 * @param blocked of {@code total}, the waits
 * @param shares  share reservations in the whole table
 */
public record LocksReport(int files, int total, int blocked, int shares, int limit, List<LockView> locks) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 10_000;

    public LocksReport {
        locks = List.copyOf(locks);
    }

    /** Whether locks were left out to keep the answer within {@code limit}. */
    public boolean truncated() {
        return locks.size() < total;
    }

    static LocksReport of(Collection<FileLocks> records, int limit) {
        List<FileLocks> sorted = records.stream().sorted(Comparator.comparing(f -> f.file().toString())).toList();
        List<LockView> shown = new ArrayList<>(Math.min(limit, 64));
        int total = 0;
        int blocked = 0;
        int shares = 0;
        for (FileLocks f : sorted) {
            for (LockView v : views(f)) {
                if (shown.size() < limit) {
                    shown.add(v);
                }
            }
            total += f.locks().size() + f.waiters().size();
            blocked += f.waiters().size();
            shares += f.shares().size();
        }
        return new LocksReport(sorted.size(), total, blocked, shares, limit, shown);
    }

    /** One file's locks: held ones first (a waiter just granted marked as such), then its waits. */
    static List<LockView> views(FileLocks f) {
        List<LockView> views = new ArrayList<>(f.locks().size() + f.waiters().size());
        for (RangeLock lock : f.locks()) {
            boolean granting = f.grants().stream().map(PendingGrant::lock).anyMatch(lock::equals);
            views.add(LockView.of(f.file(), lock, granting ? LockView.GRANTING : LockView.GRANTED));
        }
        for (Waiter w : f.waiters()) {
            views.add(LockView.of(f.file(), w.lock(), LockView.BLOCKED));
        }
        return views;
    }
}
