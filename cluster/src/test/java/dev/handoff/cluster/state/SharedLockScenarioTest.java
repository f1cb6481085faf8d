package dev.handoff.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.state.Effect;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.Result;
import dev.handoff.nlm.state.ShareOwner;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The nlm module's golden lock manager scenarios, replayed against a lock table shared by two real members, each
 * command on the other member from the one before: the output must match the single-node golden output exactly.
 * The scripts are read from the nlm module's test resources, so both modules test against one set of scripts.
 */
class SharedLockScenarioTest {
    private static final Path DIR = Path.of("../nlm/src/test/resources/dev/handoff/nlm/state/scenarios");
    private static Members members;

    @BeforeAll
    static void start() {
        members = Members.start(2, HazelcastReplyCache.Settings.DEFAULT);
    }

    @AfterAll
    static void stop() {
        members.close();
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertThat(scripts).as("scenario scripts in " + DIR.toAbsolutePath()).isNotEmpty();
            return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                String expected = Files.readString(p, StandardCharsets.UTF_8);
                assertThat(replay(expected)).isEqualTo(expected);
            }));
        }
    }

    private static SharedHarness fresh(LockConfig config) {
        members.get(0).getMap(HazelcastLockStore.LOCK_MAP).clear();
        members.get(0).getMap(HazelcastLockStore.GRACE_MAP).clear();
        return new SharedHarness(members, 2, config);
    }

    private static String replay(String script) {
        StringBuilder out = new StringBuilder();
        SharedHarness[] h = {fresh(LockConfig.DEFAULT)};
        List<String> lines = script.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.append(line).append('\n');
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            out.append("----\n");
            i++;
            while (i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
                i++;
            }
            for (String o : run(h, line.trim().split("\\s+"))) {
                out.append(o).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> run(SharedHarness[] harness, String[] w) {
        SharedHarness h = harness[0];
        String rest = String.join(" ", Arrays.copyOfRange(w, 1, w.length));
        return switch (w[0]) {
            case "config" -> {
                harness[0] = fresh(new LockConfig(Duration.ofSeconds(Long.parseLong(w[1])), Integer.parseInt(w[2]),
                        Integer.parseInt(w[3]), Duration.ofSeconds(Long.parseLong(w[4]))));
                yield List.of("ok");
            }
            case "lock" -> show(h.lock(SharedHarness.FILE, rest, false, false));
            case "lock-wait" -> show(h.lock(SharedHarness.FILE, rest, true, false));
            case "reclaim" -> show(h.lock(SharedHarness.FILE, rest, false, true));
            case "lock-other-file" -> show(h.lock(SharedHarness.OTHER_FILE,
                    String.join(" ", Arrays.copyOfRange(w, 2, w.length)), w[1].equals("wait"), false));
            case "test" -> show(h.on(new LockInput.Test(SharedHarness.FILE, SharedHarness.parse(rest), h.now)));
            case "unlock" -> show(h.on(new LockInput.Unlock(SharedHarness.FILE, SharedHarness.owner(w[1]),
                    SharedHarness.range(w[2]), h.now)));
            case "cancel" -> show(h.on(new LockInput.Cancel(SharedHarness.FILE, SharedHarness.parse(rest), h.now)));
            case "confirm" -> show(h.on(new LockInput.GrantConfirmed(SharedHarness.FILE, SharedHarness.ascii(w[1]),
                    h.now)));
            case "fail" -> show(h.on(new LockInput.GrantFailed(SharedHarness.FILE, SharedHarness.ascii(w[1]), h.now)));
            case "share" -> show(h.on(new LockInput.Share(SharedHarness.FILE, SharedHarness.share(w[1], w[2], w[3]),
                    w.length > 4, h.now)));
            case "unshare" -> show(h.on(new LockInput.Unshare(SharedHarness.FILE, new ShareOwner(w[1], Opaque.EMPTY),
                    h.now)));
            case "free-all" -> show(h.on(new LockInput.FreeAll(w[1], h.now)));
            case "reboot" -> show(h.on(new LockInput.ClientRebooted(w[1], Integer.parseInt(w[2]), h.now)));
            case "release-file" -> show(h.on(new LockInput.ReleaseFile(SharedHarness.FILE, h.now)));
            case "start-grace" -> show(h.on(new LockInput.StartGrace(Set.of(Arrays.copyOfRange(w, 1, w.length)),
                    h.now)));
            case "tick" -> show(h.on(new LockInput.Tick(h.now)));
            case "advance" -> {
                h.advance(Duration.ofSeconds(Long.parseLong(w[1])));
                yield List.of("now +" + Duration.between(SharedHarness.START, h.now).toSeconds() + "s");
            }
            case "state" -> state(h);
            case "counters" -> h.counters().entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            default -> throw new IllegalArgumentException("unknown command " + w[0]);
        };
    }

    private static List<String> show(Result r) {
        List<String> out = new ArrayList<>();
        out.add(r.status() + r.holder().map(l -> " holder " + SharedHarness.format(l)).orElse(""));
        for (Effect e : r.effects()) {
            out.add(switch (e) {
                case Effect.GrantLock g -> "grant " + SharedHarness.format(g.lock()) + " cookie=" + ascii(g.cookie());
                case Effect.MonitorClient m -> "monitor " + m.callerName();
                case Effect.GraceEnded g -> "grace-ended " + (g.early() ? "early" : "timeout") + " at +"
                        + Duration.between(SharedHarness.START, g.at()).toSeconds() + "s";
            });
        }
        return out;
    }

    private static List<String> state(SharedHarness h) {
        FileLocks f = h.load(SharedHarness.FILE);
        List<String> out = new ArrayList<>();
        f.locks().forEach(l -> out.add("held " + SharedHarness.format(l)));
        f.grants().forEach(g -> out.add("pending " + SharedHarness.format(g.lock()) + " cookie="
                + ascii(g.waiter().cookie())));
        f.waiters().forEach(w -> out.add("queued " + SharedHarness.format(w.lock()) + " since +"
                + Duration.between(SharedHarness.START, w.queuedAt()).toSeconds() + "s"));
        f.shares().forEach(s -> out.add("share " + s.owner().callerName() + " " + s.access() + " " + s.deny()));
        if (!f.wakeAt().equals(FileLocks.NEVER)) {
            out.add("wake at +" + Duration.between(SharedHarness.START, f.wakeAt()).toSeconds() + "s");
        }
        if (h.stores.get(0).fileCount() == 0) {
            out.add("store empty");
        }
        return out;
    }

    private static String ascii(Opaque o) {
        return new String(o.toByteArray(), StandardCharsets.US_ASCII);
    }
}
