package dev.handoff.it.torture;

import java.util.ArrayList;
import java.util.List;

/**
 * Proves a torture run's history consistent (pure: everything it needs is handed in): no acknowledged write lost
 * and every file's contents explained ({@link WriteCheck}), the final listing explained ({@link NamespaceCheck}),
 * no reply that contradicts the history, as a forgotten retransmission gives ({@link ReplyCheck}), no two clients
 * holding conflicting locks at once ({@link LockCheck}), no VIP on two nodes nor on none for long ({@link VipCheck}).
 */
final class HistoryChecker {
    private HistoryChecker() {
    }

    static List<Anomaly> check(List<HistoryEntry> history, ExportSnapshot snapshot, List<VipSample> samples,
                               List<VipAddressEvent> addressEvents) {
        List<Anomaly> out = new ArrayList<>();
        out.addAll(WriteCheck.check(history, snapshot));
        out.addAll(NamespaceCheck.check(history, snapshot));
        out.addAll(ReplyCheck.check(history));
        out.addAll(LockCheck.check(history));
        out.addAll(VipCheck.check(samples, addressEvents));
        return out;
    }
}
