package dev.handoff.it.torture;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every file's final contents against the writes of the history. Each record is written at its own offset (a
 * rewrite after a changed verifier carries the same bytes), so each written range must hold either one of the
 * records written there or, when none of them was acknowledged, nothing (zeros, or beyond the end of the file).
 * Bytes outside every written range must be zeros. Acknowledged means a FILE_SYNC (or DATA_SYNC) reply, or an
 * UNSTABLE reply followed by a COMMIT of the same file, sent after it, that answered OK with the same verifier
 * (RFC 1813 §3.3.7, §3.3.21: a changed verifier means the server may have lost uncommitted data).
 */
final class WriteCheck {
    static final String FILE_SYNC = "2";
    static final String DATA_SYNC = "1";

    private WriteCheck() {
    }

    static List<Anomaly> check(List<HistoryEntry> history, ExportSnapshot snapshot) {
        List<Anomaly> out = new ArrayList<>();
        Map<String, List<HistoryEntry>> byFile = history.stream().filter(e -> e.op().equals("WRITE"))
                .collect(Collectors.groupingBy(e -> e.arg("file"), TreeMap::new, Collectors.toList()));
        Map<String, Long> commits = lastCommits(history);
        for (var file : byFile.entrySet()) {
            checkFile(file.getKey(), file.getValue(), history, commits, snapshot.files().get(file.getKey()), out);
        }
        return out;
    }

    /** Per client, file and verifier: when the last successful COMMIT with that verifier was sent. */
    static Map<String, Long> lastCommits(List<HistoryEntry> history) {
        Map<String, Long> last = new HashMap<>();
        history.stream().filter(c -> c.op().equals("COMMIT") && c.acknowledged())
                .forEach(c -> last.merge(commitKey(c), c.tInvoke(), Math::max));
        return last;
    }

    private static String commitKey(HistoryEntry e) {
        return e.client() + "\n" + e.arg("file") + "\n" + e.res("verf");
    }

    private static void checkFile(String file, List<HistoryEntry> writes, List<HistoryEntry> history,
                                  Map<String, Long> commits, Opaque contents, List<Anomaly> out) {
        byte[] actual = contents == null ? new byte[0] : contents.toByteArray();
        Map<Long, List<HistoryEntry>> bySlot = new TreeMap<>();
        writes.forEach(w -> bySlot.computeIfAbsent(Long.parseLong(w.arg("offset")), k -> new ArrayList<>()).add(w));
        boolean[] covered = new boolean[actual.length];
        for (var slot : bySlot.entrySet()) {
            int offset = Math.toIntExact(slot.getKey());
            int length = data(slot.getValue().getFirst()).length;
            byte[] found = range(actual, offset, length);
            for (int i = offset; i < Math.min(actual.length, offset + length); i++) {
                covered[i] = true;
            }
            boolean written = slot.getValue().stream().anyMatch(w -> Arrays.equals(found, data(w)));
            List<HistoryEntry> acked = slot.getValue().stream().filter(w -> acknowledged(w, commits)).toList();
            if (written) {
                continue;
            }
            if (isZero(found) && acked.isEmpty()) {
                continue;
            }
            String what = contents == null ? "the file is missing" : "it holds " + show(found);
            if (!acked.isEmpty()) {
                out.add(Anomaly.of("lost-write", file + " offset " + offset + ": an acknowledged write is missing; "
                        + what, evidence(slot.getValue(), history)));
            } else {
                out.add(Anomaly.of("unexplained-content", file + " offset " + offset + ": no write explains what "
                        + "is there; " + what, slot.getValue()));
            }
        }
        for (int i = 0; i < actual.length; i++) {
            if (!covered[i] && actual[i] != 0) {
                out.add(Anomaly.of("unexplained-content", file + ": byte " + i + " (" + (actual[i] & 0xff)
                        + ") lies outside every write of the history", List.of()));
                break;
            }
        }
    }

    /** FILE_SYNC acknowledged, or UNSTABLE followed by a successful COMMIT with the same verifier. */
    static boolean acknowledged(HistoryEntry w, Map<String, Long> commits) {
        if (!w.acknowledged()) {
            return false;
        }
        String committed = w.res("committed");
        if (committed.equals(FILE_SYNC) || committed.equals(DATA_SYNC)) {
            return true;
        }
        return commits.getOrDefault(commitKey(w), Long.MIN_VALUE) >= w.tComplete();
    }

    private static List<HistoryEntry> evidence(List<HistoryEntry> writes, List<HistoryEntry> history) {
        List<HistoryEntry> lines = new ArrayList<>(writes);
        for (HistoryEntry w : writes) {
            history.stream().filter(c -> c.op().equals("COMMIT") && c.client().equals(w.client())
                            && c.arg("file").equals(w.arg("file")) && w.completed() && c.tInvoke() >= w.tComplete())
                    .findFirst().ifPresent(lines::add);
        }
        return lines;
    }

    static byte[] data(HistoryEntry w) {
        return w.arg("data").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] range(byte[] all, int offset, int length) {
        byte[] out = new byte[length];
        if (offset < all.length) {
            System.arraycopy(all, offset, out, 0, Math.min(length, all.length - offset));
        }
        return out;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String show(byte[] b) {
        return isZero(b) ? "zeros" : "\"" + new String(b, StandardCharsets.UTF_8).replace("\n", "\\n") + "\"";
    }
}
