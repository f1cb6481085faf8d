package dev.handoff.it.torture;

import java.util.Map;

/**
 * One operation of a torture client as it logged it: when it was invoked and when its reply arrived (epoch
 * microseconds; {@code tComplete} is -1 when no reply ever came), which client, the operation and its arguments and
 * result as strings. An operation is <em>acknowledged</em> when a reply came with status 0.
 *
 * <p>Result keys: {@code status} (nfsstat3, nlm4_stats or -1 when the RPC was not accepted), {@code attempts}
 * (sends of the same xid), and per operation {@code committed}/{@code verf} (WRITE), {@code verf} (COMMIT).
 */
record HistoryEntry(long tInvoke, long tComplete, String client, String op, Map<String, String> args,
                    Map<String, String> result) {
    static final long NO_REPLY = -1;

    HistoryEntry {
        args = Map.copyOf(args);
        result = Map.copyOf(result);
    }

    boolean completed() {
        return tComplete != NO_REPLY;
    }

    boolean acknowledged() {
        return completed() && "0".equals(result.get("status"));
    }

    String arg(String key) {
        return args.getOrDefault(key, "");
    }

    String res(String key) {
        return result.getOrDefault(key, "");
    }

    int attempts() {
        return Integer.parseInt(result.getOrDefault("attempts", "1"));
    }

    /** The line as the client wrote it (for anomaly reports). */
    @Override
    public String toString() {
        return HistoryLines.format(this);
    }
}
