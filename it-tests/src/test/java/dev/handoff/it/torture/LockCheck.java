package dev.handoff.it.torture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * No two clients ever hold conflicting locks. A client holds a lock at least from the moment the granted reply
 * arrived until it sent its UNLOCK (the server granted before the one and releases after the other), so two such
 * intervals of different clients that overlap, on overlapping ranges of one file with one of them exclusive, are
 * two holders at once. A LOCK without a reply is left out: it cannot show a conflict that it did not see granted.
 */
final class LockCheck {
    private LockCheck() {
    }

    /** One client's holding of a range, from the granted reply to the UNLOCK (or the end of the history). */
    record Holding(HistoryEntry lock, HistoryEntry unlock, long from, long to) {
        boolean conflicts(Holding o) {
            return !lock.client().equals(o.lock.client()) && lock.arg("file").equals(o.lock.arg("file"))
                    && (exclusive(lock) || exclusive(o.lock)) && overlaps(lock, o.lock)
                    && from < o.to && o.from < to;
        }
    }

    /** Sweeps the holdings in order of their start: each is compared only with those starting before it ends. */
    static List<Anomaly> check(List<HistoryEntry> history) {
        List<Holding> holdings = holdings(history).stream().sorted(Comparator.comparingLong(Holding::from)).toList();
        List<Anomaly> out = new ArrayList<>();
        for (int i = 0; i < holdings.size(); i++) {
            Holding a = holdings.get(i);
            for (int j = i + 1; j < holdings.size() && holdings.get(j).from() < a.to(); j++) {
                Holding b = holdings.get(j);
                if (a.conflicts(b)) {
                    List<Object> lines = new ArrayList<>(List.of(a.lock()));
                    if (a.unlock() != null) {
                        lines.add(a.unlock());
                    }
                    lines.add(b.lock());
                    if (b.unlock() != null) {
                        lines.add(b.unlock());
                    }
                    out.add(Anomaly.of("lock-overlap", a.lock().client() + " and " + b.lock().client() + " both held "
                            + a.lock().arg("file") + " for " + (Math.min(a.to(), b.to()) - Math.max(a.from(), b.from()))
                            + " us", lines));
                }
            }
        }
        return out;
    }

    static List<Holding> holdings(List<HistoryEntry> history) {
        List<HistoryEntry> sorted = history.stream().sorted(Comparator.comparingLong(HistoryEntry::tInvoke)).toList();
        List<Holding> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            HistoryEntry lock = sorted.get(i);
            if (!lock.op().equals("LOCK") || !lock.acknowledged()) {
                continue;
            }
            HistoryEntry unlock = null;
            for (int j = i + 1; j < sorted.size() && unlock == null; j++) {
                HistoryEntry u = sorted.get(j);
                if (u.op().equals("UNLOCK") && u.client().equals(lock.client())
                        && u.arg("file").equals(lock.arg("file"))) {
                    unlock = u;
                }
            }
            out.add(new Holding(lock, unlock, lock.tComplete(), unlock == null ? Long.MAX_VALUE : unlock.tInvoke()));
        }
        return out;
    }

    private static boolean exclusive(HistoryEntry lock) {
        return !lock.arg("exclusive").equals("false");
    }

    /** Byte ranges [offset, offset + len), len 0 meaning to the end of the file (RFC 1813 NLM, XNFS §10.2). */
    private static boolean overlaps(HistoryEntry a, HistoryEntry b) {
        long as = Long.parseLong(a.arg("offset"));
        long bs = Long.parseLong(b.arg("offset"));
        long ae = end(as, Long.parseLong(a.arg("len")));
        long be = end(bs, Long.parseLong(b.arg("len")));
        return as < be && bs < ae;
    }

    private static long end(long start, long len) {
        return len == 0 ? Long.MAX_VALUE : start + len;
    }
}
