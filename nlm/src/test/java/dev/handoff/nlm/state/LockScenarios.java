package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Replays golden scenario scripts, in the style of etcd-raft's datadriven tests: each block is a command, a
 * {@code ----} line and the output it must produce (status, then effects), ended by a blank line. The commands
 * run against a {@link Target}, so the same scripts check the in-memory table here and a shared one in the
 * cluster module. Locks use {@link Harness}'s notation.
 */
public final class LockScenarios {
    /** Where the scripts live, relative to the nlm module. */
    public static final String SCRIPTS = "src/test/resources/dev/handoff/nlm/state/scenarios";

    /** What a script drives: one lock table, through one or several lock managers. */
    public interface Target {
        Result on(LockInput input);

        FileLocks load(FileKey file);

        boolean storeEmpty();

        /** Transition counts by name, in a stable order. */
        Map<String, Long> counters();
    }

    private final Function<LockConfig, Target> fresh;
    private Target target;
    private Instant now = Harness.START;
    private int cookies;

    private LockScenarios(Function<LockConfig, Target> fresh) {
        this.fresh = fresh;
        this.target = fresh.apply(LockConfig.DEFAULT);
    }

    /** The script with every output block recomputed against targets made by {@code fresh}. */
    public static String replay(String script, Function<LockConfig, Target> fresh) {
        LockScenarios run = new LockScenarios(fresh);
        StringBuilder out = new StringBuilder();
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
            for (String o : run.command(line.trim().split("\\s+"))) {
                out.append(o).append('\n');
            }
        }
        return out.toString();
    }

    private Result lock(FileKey file, String spec, boolean block, boolean reclaim) {
        Opaque cookie = block ? ascii("c" + ++cookies) : Opaque.EMPTY;
        return target.on(new LockInput.Lock(file, Harness.parse(spec), block, reclaim, cookie,
                Opaque.copyOf(new byte[] {7}), now));
    }

    private List<String> command(String[] w) {
        String rest = String.join(" ", Arrays.copyOfRange(w, 1, w.length));
        FileKey file = Harness.FILE;
        return switch (w[0]) {
            case "config" -> {
                target = fresh.apply(new LockConfig(Duration.ofSeconds(Long.parseLong(w[1])),
                        Integer.parseInt(w[2]), Integer.parseInt(w[3]), Duration.ofSeconds(Long.parseLong(w[4]))));
                now = Harness.START;
                cookies = 0;
                yield List.of("ok");
            }
            case "lock" -> show(lock(file, rest, false, false));
            case "lock-wait" -> show(lock(file, rest, true, false));
            case "reclaim" -> show(lock(file, rest, false, true));
            case "lock-other-file" -> show(lock(Harness.OTHER_FILE, String.join(" ",
                    Arrays.copyOfRange(w, 2, w.length)), w[1].equals("wait"), false));
            case "test" -> show(target.on(new LockInput.Test(file, Harness.parse(rest), now)));
            case "unlock" -> show(target.on(new LockInput.Unlock(file, Harness.owner(w[1]), Harness.range(w[2]),
                    now)));
            case "cancel" -> show(target.on(new LockInput.Cancel(file, Harness.parse(rest), now)));
            case "confirm" -> show(target.on(new LockInput.GrantConfirmed(file, ascii(w[1]), now)));
            case "fail" -> show(target.on(new LockInput.GrantFailed(file, ascii(w[1]), now)));
            case "share" -> show(target.on(new LockInput.Share(file, Harness.share(w[1], ShareAccess.valueOf(w[2]),
                    ShareDeny.valueOf(w[3])), w.length > 4, now)));
            case "unshare" -> show(target.on(new LockInput.Unshare(file, new ShareOwner(w[1], Opaque.EMPTY), now)));
            case "free-all" -> show(target.on(new LockInput.FreeAll(w[1], now)));
            case "reboot" -> show(target.on(new LockInput.ClientRebooted(w[1], Integer.parseInt(w[2]), now)));
            case "release-file" -> show(target.on(new LockInput.ReleaseFile(file, now)));
            case "start-grace" -> show(target.on(new LockInput.StartGrace(Set.of(Arrays.copyOfRange(w, 1,
                    w.length)), now)));
            case "tick" -> show(target.on(new LockInput.Tick(now)));
            case "advance" -> {
                now = now.plus(Duration.ofSeconds(Long.parseLong(w[1])));
                yield List.of("now +" + Duration.between(Harness.START, now).toSeconds() + "s");
            }
            case "state" -> state();
            case "counters" -> target.counters().entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
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

    private List<String> state() {
        FileLocks f = target.load(Harness.FILE);
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
        if (target.storeEmpty()) {
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
