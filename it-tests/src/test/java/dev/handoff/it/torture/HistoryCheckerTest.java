package dev.handoff.it.torture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryCheckerTest {
    private static final String R1 = "w1 record 1\n";
    private static final String R2 = "w1 record 2\n";
    private final List<HistoryEntry> history = new ArrayList<>();
    private final Map<String, Opaque> files = new HashMap<>();
    private final List<VipSample> samples = new ArrayList<>();
    private final List<VipAddressEvent> events = new ArrayList<>();
    private long clock = 1_000;

    @Test
    void aCleanHistoryHasNoAnomaly() {
        write("w1", 0, R1, "2", ok("committed", "2", "verf", "a"));
        write("w1", 12, R2, "0", ok("committed", "0", "verf", "a"));
        op("w1", "COMMIT", Map.of("file", "w1-data"), ok("verf", "a"));
        op("w1", "CREATE", Map.of("name", "w1-n1"), ok());
        op("w1", "RENAME", Map.of("from", "w1-n1", "to", "w1-r1"), ok());
        op("w1", "REMOVE", Map.of("name", "w1-r1"), ok());
        file("w1-data", R1 + R2);

        assertThat(check()).isEmpty();
    }

    @Test
    void anAcknowledgedWriteMissingFromTheFileIsALostWrite() {
        write("w1", 0, R1, "2", ok("committed", "2"));
        write("w1", 12, R2, "2", ok("committed", "2"));
        file("w1-data", R1);

        assertThat(check()).extracting(Anomaly::kind).containsExactly("lost-write");
        assertThat(check().getFirst().evidence()).anyMatch(l -> l.contains("record 2"));
    }

    @Test
    void anUnstableWriteCommittedUnderAnotherVerifierMayBeLost() {
        write("w1", 0, R1, "0", ok("committed", "0", "verf", "a"));
        op("w1", "COMMIT", Map.of("file", "w1-data"), ok("verf", "b"));
        file("w1-data", "");

        assertThat(check()).isEmpty();
    }

    @Test
    void anUnstableWriteCommittedUnderItsVerifierMustBeThere() {
        write("w1", 0, R1, "0", ok("committed", "0", "verf", "a"));
        op("w1", "COMMIT", Map.of("file", "w1-data"), ok("verf", "a"));
        file("w1-data", "");

        assertThat(check()).extracting(Anomaly::kind).containsExactly("lost-write");
    }

    @Test
    void anUnacknowledgedWriteMayBePresentOrAbsentButNothingElse() {
        write("w1", 0, R1, "2", noReply());
        file("w1-data", R1);
        assertThat(check()).isEmpty();

        file("w1-data", "");
        assertThat(check()).isEmpty();

        file("w1-data", "garbage 1234");
        assertThat(check()).extracting(Anomaly::kind).containsExactly("unexplained-content");
    }

    @Test
    void bytesNoWriteExplainsAreFlagged() {
        write("w1", 0, R1, "2", ok("committed", "2"));
        file("w1-data", R1 + "extra");

        assertThat(check()).extracting(Anomaly::kind).containsExactly("unexplained-content");
    }

    @Test
    void aRemoveThatExecutedMustNotComeBackNoent() {
        op("w1", "CREATE", Map.of("name", "w1-n1"), ok());
        op("w1", "REMOVE", Map.of("name", "w1-n1"), result("status", "2", "attempts", "2"));

        List<Anomaly> found = check();
        assertThat(found).extracting(Anomaly::kind).containsExactly("wrong-reply");
        assertThat(found.getFirst().detail()).contains("retransmission (2 sends)");
    }

    @Test
    void aNameRemovedWithAnAcknowledgementMustBeGone() {
        op("w1", "CREATE", Map.of("name", "w1-n1"), ok());
        op("w1", "REMOVE", Map.of("name", "w1-n1"), ok());
        file("w1-n1", "");

        assertThat(check()).extracting(Anomaly::kind).containsExactly("unexplained-name");
    }

    @Test
    void aNameCreatedWithAnAcknowledgementMustExist() {
        op("w1", "CREATE", Map.of("name", "w1-n1"), ok());
        op("w1", "RENAME", Map.of("from", "w1-n1", "to", "w1-r1"), ok());

        assertThat(check()).extracting(Anomaly::kind).containsExactly("lost-name");
    }

    @Test
    void anUnacknowledgedRenameLeavesEitherName() {
        op("w1", "CREATE", Map.of("name", "w1-n1"), ok());
        op("w1", "RENAME", Map.of("from", "w1-n1", "to", "w1-r1"), noReply());
        file("w1-r1", "");
        assertThat(check()).isEmpty();

        files.clear();
        file("w1-n1", "");
        assertThat(check()).isEmpty();

        file("w1-r1", "");
        assertThat(check()).as("both names at once: at most independent per name").isEmpty();
    }

    @Test
    void aStrayFileWithAClientsPrefixIsUnexplained() {
        op("w1", "CREATE", Map.of("name", "w1-n1"), ok());
        file("w1-n1", "");
        file("w1-zz", "");
        file("someone-else", "");

        assertThat(check()).extracting(Anomaly::detail).containsExactly("w1-zz exists, but no operation of the history "
                + "names it");
    }

    @Test
    void twoClientsHoldingTheSameRangeAtOnceAreFlagged() {
        lock("w1", 0, 100, 0);       // granted at 100
        lock("w2", 150, 200, 0);     // granted at 200, while w1 still holds it
        unlock("w1", 300);
        unlock("w2", 400);

        List<Anomaly> found = check();
        assertThat(found).extracting(Anomaly::kind).containsExactly("lock-overlap");
        assertThat(found.getFirst().evidence()).hasSize(4);
    }

    @Test
    void locksTakenOneAfterTheOtherOrDeniedDoNotConflict() {
        lock("w1", 0, 100, 0);
        lock("w2", 150, 200, 1);     // denied
        unlock("w1", 300);
        lock("w2", 350, 400, 0);
        unlock("w2", 500);

        assertThat(check()).isEmpty();
    }

    @Test
    void aLockAnsweredWithAGracePeriodIsAWrongReply() {
        lock("w1", 0, 100, 4);

        assertThat(check()).extracting(Anomaly::kind).containsExactly("wrong-reply");
    }

    @Test
    void aVipOnTwoNodesInASampleIsFlagged() {
        samples.add(VipSample.parse("10.0.3.100", "1700000000.1 1"));
        samples.add(VipSample.parse("10.0.3.100", "1700000001.2 1,2"));
        samples.add(VipSample.parse("10.0.3.101", "1700000001.3 none"));

        List<Anomaly> found = check();
        assertThat(found).extracting(Anomaly::kind).containsExactly("vip-overlap");
        assertThat(found.getFirst().evidence()).containsExactly("10.0.3.100 at 1700000001.2 on 1,2");
    }

    @Test
    void aVipNobodyHoldsForHalfAMinuteIsAStuckFailover() {
        samples.add(VipSample.parse("10.0.3.101", "1000.0 2"));
        samples.add(VipSample.parse("10.0.3.101", "1001.0 none"));
        samples.add(VipSample.parse("10.0.3.101", "1006.0 1"));
        samples.add(VipSample.parse("10.0.3.101", "1010.0 none"));
        samples.add(VipSample.parse("10.0.3.101", "1045.0 3"));

        assertThat(check()).extracting(Anomaly::detail).containsExactly("10.0.3.101 held by no node for 35.0 s");
    }

    @Test
    void addressEventsShowingTwoHoldersForTwentyMillisecondsOrMoreAreFlagged() {
        for (String line : List.of("100.000 1 init", "100.001 watch", "101.000 2 add", "101.010 1 del",
                "102.000 1 add", "102.050 2 del")) {
            VipAddressEvent e = VipAddressEvent.parse("10.0.3.100", line);
            if (e != null) {
                events.add(e);
            }
        }

        List<Anomaly> found = check();
        assertThat(found).extracting(Anomaly::detail).containsExactly("10.0.3.100 on two nodes for 50.0 ms (address "
                + "events)");
        assertThat(found.getFirst().evidence()).hasSize(2);
    }

    @Test
    void historyLinesRoundTripAndNumbersReadAsText() {
        HistoryEntry e = new HistoryEntry(5, -1, "k0", "WRITE", Map.of("offset", "64"), Map.of("attempts", "3"));
        assertThat(HistoryLines.parse(HistoryLines.format(e))).isEqualTo(e);
        assertThat(HistoryLines.parse("{\"t_invoke\":1,\"t_complete\":2,\"client\":\"k0\",\"op\":\"REMOVE\","
                + "\"args\":{\"name\":\"k0-n1\"},\"result\":{\"status\":0}}").acknowledged()).isTrue();
        assertThat(HistoryLines.parse("{\"t_invoke\":1,\"cli")).isNull();
    }

    private List<Anomaly> check() {
        return HistoryChecker.check(history, new ExportSnapshot(files), samples, events);
    }

    private void file(String name, String contents) {
        files.put(name, Opaque.copyOf(contents.getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates the client's data file before its first write, as the clients do. */
    private void write(String client, long offset, String data, String stable, Map<String, String> result) {
        if (history.stream().noneMatch(e -> e.arg("name").equals(client + "-data"))) {
            op(client, "CREATE", Map.of("name", client + "-data"), ok());
        }
        op(client, "WRITE", Map.of("file", client + "-data", "offset", Long.toString(offset), "stable", stable,
                "data", data), result);
    }

    private void lock(String client, long invoke, long complete, int status) {
        history.add(new HistoryEntry(invoke, complete, client, "LOCK", Map.of("file", "shared-lock", "offset", "0",
                "len", "100", "exclusive", "true"), result("status", Integer.toString(status))));
    }

    private void unlock(String client, long invoke) {
        history.add(new HistoryEntry(invoke, invoke + 10, client, "UNLOCK", Map.of("file", "shared-lock",
                "offset", "0", "len", "100"), result("status", "0")));
    }

    private void op(String client, String op, Map<String, String> args, Map<String, String> result) {
        long start = clock;
        clock += 10;
        history.add(new HistoryEntry(start, result.containsKey("noreply") ? HistoryEntry.NO_REPLY : clock++, client,
                op, args, result));
    }

    private static Map<String, String> ok(String... more) {
        Map<String, String> m = new HashMap<>(result(more));
        m.put("status", "0");
        return m;
    }

    private static Map<String, String> noReply() {
        return Map.of("noreply", "true");
    }

    private static Map<String, String> result(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
