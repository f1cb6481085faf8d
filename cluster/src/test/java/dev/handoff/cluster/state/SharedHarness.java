package dev.handoff.cluster.state;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.Result;
import dev.handoff.nlm.state.ShareAccess;
import dev.handoff.nlm.state.ShareDeny;
import dev.handoff.nlm.state.ShareOwner;
import dev.handoff.nlm.state.ShareReservation;
import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lock manager over a {@link HazelcastLockStore} on every member, taking inputs from each member in turn, so
 * that a scenario only passes if the table is truly shared. It speaks the notation of the nlm module's scenario
 * scripts: an owner is {@code a} (svid 1) or {@code a:2}; a lock is {@code "a x 0+10"}, length {@code eof} for 0.
 */
final class SharedHarness {
    static final FileKey FILE = FileKey.ofHex("f1");
    static final FileKey OTHER_FILE = FileKey.ofHex("f2");
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    final List<HazelcastLockStore> stores = new ArrayList<>();
    private final List<LockManager> managers = new ArrayList<>();
    private int turn;
    private int cookies;
    Instant now = START;

    SharedHarness(Members members, int count, LockConfig config) {
        for (int i = 0; i < count; i++) {
            HazelcastLockStore store = new HazelcastLockStore(members.get(i));
            stores.add(store);
            managers.add(new LockManager(store, config));
        }
    }

    static LockOwner owner(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? new LockOwner(spec, 1, Opaque.EMPTY)
                : new LockOwner(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)), Opaque.EMPTY);
    }

    static LockRange range(String spec) {
        int plus = spec.indexOf('+');
        String len = spec.substring(plus + 1);
        return LockRange.of(Long.parseUnsignedLong(spec.substring(0, plus)),
                len.equals("eof") ? 0 : Long.parseUnsignedLong(len));
    }

    static RangeLock parse(String spec) {
        String[] p = spec.trim().split("\\s+");
        return new RangeLock(owner(p[0]), LockType.of(p[1].equals("x")), range(p[2]));
    }

    static String format(RangeLock l) {
        LockOwner o = l.owner();
        return o.callerName() + (o.svid() == 1 ? "" : ":" + o.svid()) + " " + (l.type().exclusive() ? "x" : "s")
                + " " + l.range();
    }

    static ShareReservation share(String owner, String access, String deny) {
        return new ShareReservation(new ShareOwner(owner, Opaque.EMPTY), ShareAccess.valueOf(access),
                ShareDeny.valueOf(deny));
    }

    static Opaque ascii(String s) {
        return Opaque.copyOf(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Runs the input on the next member's manager. */
    Result on(LockInput input) {
        LockManager m = managers.get(turn++ % managers.size());
        return m.on(input);
    }

    /** Blocking requests get cookies c1, c2, ... in order. */
    Result lock(FileKey file, String spec, boolean block, boolean reclaim) {
        Opaque cookie = block ? ascii("c" + ++cookies) : Opaque.EMPTY;
        return on(new LockInput.Lock(file, parse(spec), block, reclaim, cookie, Opaque.copyOf(new byte[] {7}), now));
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    /** The record as the next member reads it. */
    FileLocks load(FileKey file) {
        return stores.get(turn++ % stores.size()).load(file);
    }

    /** Summed over the members' managers, for the scripts' {@code counters} command. */
    Map<String, Long> counters() {
        Map<String, Long> sum = new TreeMap<>();
        for (LockManager m : managers) {
            m.counters().snapshot().forEach((k, v) -> sum.merge(String.valueOf(k), v, Long::sum));
        }
        return sum;
    }
}
