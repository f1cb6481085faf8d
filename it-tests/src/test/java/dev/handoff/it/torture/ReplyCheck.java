package dev.handoff.it.torture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replies that contradict the history. The clients' names are their own and used once, their files exist, and
 * the lock is theirs to take: so a CREATE GUARDED answered EXIST, a RENAME or REMOVE answered NOENT, any error to a
 * WRITE, COMMIT or UNLOCK, and a LOCK answered anything but granted or denied, can only be the reply to a
 * retransmission whose first execution the server forgot (DESIGN.md §3: the duplicate reply cache must follow the
 * VIP), or state lost in a failover. An RPC the server did not accept (status -1) counts too.
 */
final class ReplyCheck {
    private static final Set<String> LOCK_ANSWERS = Set.of("0", "1");   // nlm4_granted, nlm4_denied

    private ReplyCheck() {
    }

    static List<Anomaly> check(List<HistoryEntry> history) {
        List<Anomaly> out = new ArrayList<>();
        for (HistoryEntry e : history) {
            if (!e.completed()) {
                continue;
            }
            boolean wrong = switch (e.op()) {
                case "CREATE", "RENAME", "REMOVE", "WRITE", "COMMIT", "UNLOCK" -> !e.res("status").equals("0");
                case "LOCK" -> !LOCK_ANSWERS.contains(e.res("status"));
                default -> false;
            };
            if (wrong) {
                String how = e.attempts() > 1 ? "the reply to a retransmission (" + e.attempts() + " sends)"
                        : "the reply to the first send";
                String status = e.res("status") + (e.result().containsKey("rpc") ? " (" + e.res("rpc") + ")" : "");
                out.add(Anomaly.of("wrong-reply", e.client() + " " + e.op() + " answered status " + status
                        + ", " + how + ", where the history implies success", List.of(e)));
            }
        }
        return out;
    }
}
