package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden scenario scripts, in the style of etcd-raft's datadriven tests: each block of a file under
 * {@code src/test/resources/dev/handoff/nlm/state/scenarios} is a command, a {@code ----} line and the output it
 * must produce (status, then effects), ended by a blank line. Run with {@code -Dhandoff.rewrite=true} to write
 * the actual output back into the files, then review the diff. Commands are listed in {@link #run}; locks use {@link Harness}'s notation.
 */
class LockManagerScenarioTest {
    private static final Path DIR = Path.of("src/test/resources/dev/handoff/nlm/state/scenarios");

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
        }
    }

    private static void check(Path file) throws IOException {
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        String actual = replay(expected);
        if (Boolean.getBoolean("handoff.rewrite")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The script with every output block recomputed. */
    static String replay(String script) {
        StringBuilder out = new StringBuilder();
        Harness[] h = {new Harness()};
        List<String> lines = script.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.append(line).append('\n');
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).equals("----")) {
                throw new IllegalArgumentException("line " + (i + 1) + ": command without ---- after it: " + line);
            }
            out.append("----\n");
            i++;
            while (i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
                i++; // the old output, replaced below
            }
            for (String o : run(h, line.trim().split("\\s+"))) {
                out.append(o).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> run(Harness[] harness, String[] w) {
        Harness h = harness[0];
        String rest = String.join(" ", Arrays.copyOfRange(w, 1, w.length));
        return switch (w[0]) {
            case "config" -> {
                harness[0] = new Harness(new LockConfig(Duration.ofSeconds(Long.parseLong(w[1])),
                        Integer.parseInt(w[2]), Integer.parseInt(w[3]), Duration.ofSeconds(Long.parseLong(w[4]))));
                yield List.of("ok");
            }
            case "lock" -> show(h.lock(rest));
            case "lock-wait" -> show(h.lockWait(rest));
            case "reclaim" -> show(h.reclaim(rest));
            case "lock-other-file" -> show(h.lock(Harness.OTHER_FILE, String.join(" ",
                    Arrays.copyOfRange(w, 2, w.length)), w[1].equals("wait"), false));
            case "test" -> show(h.test(rest));
            case "unlock" -> show(h.unlock(w[1], w[2]));
            case "cancel" -> show(h.cancel(rest));
            case "confirm" -> show(h.confirm(ascii(w[1])));
            case "fail" -> show(h.fail(ascii(w[1])));
            case "share" -> show(h.on(new LockInput.Share(Harness.FILE, Harness.share(w[1],
                    ShareAccess.valueOf(w[2]), ShareDeny.valueOf(w[3])), w.length > 4, h.now)));
            case "unshare" -> show(h.unshare(w[1]));
            case "free-all" -> show(h.freeAll(w[1]));
            case "reboot" -> show(h.rebooted(w[1], Integer.parseInt(w[2])));
            case "release-file" -> show(h.on(new LockInput.ReleaseFile(Harness.FILE, h.now)));
            case "start-grace" -> show(h.on(new LockInput.StartGrace(Set.of(Arrays.copyOfRange(w, 1, w.length)),
                    h.now)));
            case "tick" -> show(h.tick());
            case "advance" -> {
                h.advance(Duration.ofSeconds(Long.parseLong(w[1])));
                yield List.of("now +" + Duration.between(Harness.START, h.now).toSeconds() + "s");
            }
            case "state" -> state(h);
            case "counters" -> h.manager.counters().snapshot().entrySet().stream()
                    .filter(e -> e.getValue() != 0).map(e -> e.getKey() + " " + e.getValue()).toList();
            default -> throw new IllegalArgumentException("unknown command " + w[0]);
        };
    }

    private static List<String> show(Result r) {
        List<String> out = new ArrayList<>();
        out.add(r.status() + r.holder().map(l -> " holder " + Harness.format(l)).orElse(""));
        for (Effect e : r.effects()) {
            out.add(switch (e) {
                case Effect.GrantLock g -> "grant " + Harness.format(g.lock()) + " cookie=" + ascii(g.cookie());
                case Effect.MonitorClient m -> "monitor " + m.callerName();
                case Effect.GraceEnded g -> "grace-ended " + (g.early() ? "early" : "timeout") + " at +"
                        + Duration.between(Harness.START, g.at()).toSeconds() + "s";
            });
        }
        return out;
    }

    private static List<String> state(Harness h) {
        FileLocks f = h.store.load(Harness.FILE);
        List<String> out = new ArrayList<>();
        f.locks().forEach(l -> out.add("held " + Harness.format(l)));
        f.grants().forEach(g -> out.add("pending " + Harness.format(g.lock()) + " cookie="
                + ascii(g.waiter().cookie())));
        f.waiters().forEach(w -> out.add("queued " + Harness.format(w.lock()) + " since +"
                + Duration.between(Harness.START, w.queuedAt()).toSeconds() + "s"));
        f.shares().forEach(s -> out.add("share " + s.owner().callerName() + " " + s.access() + " " + s.deny()));
        if (!f.wakeAt().equals(FileLocks.NEVER)) {
            out.add("wake at +" + Duration.between(Harness.START, f.wakeAt()).toSeconds() + "s");
        }
        if (h.store.isEmpty()) {
            out.add("store empty");
        }
        return out;
    }

    private static Opaque ascii(String s) {
        return Opaque.copyOf(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String ascii(Opaque o) {
        return new String(o.toByteArray(), StandardCharsets.US_ASCII);
    }
}
