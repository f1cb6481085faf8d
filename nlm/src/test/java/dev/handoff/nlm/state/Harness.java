package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A lock manager over an in-memory store with a manual clock, and a compact notation for tests: an owner is
 * {@code a} (host a, svid 1) or {@code a:2} (svid 2); a lock is {@code "a x 0+10"} (owner, s or x, offset+length,
 * length {@code eof} for 0).
 */
public final class Harness {
    public static final FileKey FILE = FileKey.ofHex("f1");
    public static final FileKey OTHER_FILE = FileKey.ofHex("f2");
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    final InMemoryLockStore store = new InMemoryLockStore();
    final LockManager manager;
    Instant now = START;
    private int cookies;

    Harness() {
        this(LockConfig.DEFAULT);
    }

    Harness(LockConfig config) {
        manager = new LockManager(store, config);
    }

    public static LockOwner owner(String spec) {
        int dot = spec.indexOf(':');
        return dot < 0
                ? new LockOwner(spec, 1, Opaque.EMPTY)
                : new LockOwner(spec.substring(0, dot), Integer.parseInt(spec.substring(dot + 1)), Opaque.EMPTY);
    }

    public static LockRange range(String spec) {
        int plus = spec.indexOf('+');
        String len = spec.substring(plus + 1);
        return LockRange.of(Long.parseUnsignedLong(spec.substring(0, plus)),
                len.equals("eof") ? 0 : Long.parseUnsignedLong(len));
    }

    public static RangeLock parse(String spec) {
        String[] p = spec.trim().split("\\s+");
        if (p.length != 3 || !(p[1].equals("s") || p[1].equals("x"))) {
            throw new IllegalArgumentException("want 'owner s|x offset+length', got " + spec);
        }
        return new RangeLock(owner(p[0]), LockType.of(p[1].equals("x")), range(p[2]));
    }

    /** The lock notation back: the inverse of {@link #parse(String)}. */
    public static String format(RangeLock l) {
        LockOwner o = l.owner();
        return o.callerName() + (o.svid() == 1 ? "" : ":" + o.svid()) + " " + (l.type().exclusive() ? "x" : "s")
                + " " + l.range();
    }

    static List<RangeLock> parseAll(String specs) {
        return specs.isBlank() ? List.of() : Arrays.stream(specs.split(",")).map(Harness::parse).toList();
    }

    public static ShareReservation share(String owner, ShareAccess access, ShareDeny deny) {
        return new ShareReservation(new ShareOwner(owner, Opaque.EMPTY), access, deny);
    }

    static Opaque cookie(int n) {
        return Opaque.copyOf(("c" + n).getBytes(StandardCharsets.US_ASCII));
    }

    Result on(LockInput input) {
        return manager.on(input);
    }

    Result lock(String spec) {
        return lock(FILE, spec, false, false);
    }

    Result lockWait(String spec) {
        return lock(FILE, spec, true, false);
    }

    Result reclaim(String spec) {
        return lock(FILE, spec, false, true);
    }

    /** Blocking requests get cookies c1, c2, ... in order. */
    Result lock(FileKey file, String spec, boolean block, boolean reclaim) {
        Opaque cookie = block ? cookie(++cookies) : Opaque.EMPTY;
        return on(new LockInput.Lock(file, parse(spec), block, reclaim, cookie, Opaque.copyOf(new byte[] {7}), now));
    }

    Result test(String spec) {
        return on(new LockInput.Test(FILE, parse(spec), now));
    }

    Result unlock(String owner, String range) {
        return on(new LockInput.Unlock(FILE, owner(owner), range(range), now));
    }

    Result cancel(String spec) {
        return on(new LockInput.Cancel(FILE, parse(spec), now));
    }

    Result confirm(Opaque cookie) {
        return on(new LockInput.GrantConfirmed(FILE, cookie, now));
    }

    Result fail(Opaque cookie) {
        return on(new LockInput.GrantFailed(FILE, cookie, now));
    }

    Result share(ShareReservation share) {
        return on(new LockInput.Share(FILE, share, false, now));
    }

    Result unshare(String owner) {
        return on(new LockInput.Unshare(FILE, new ShareOwner(owner, Opaque.EMPTY), now));
    }

    Result freeAll(String client) {
        return on(new LockInput.FreeAll(client, now));
    }

    Result rebooted(String client, int state) {
        return on(new LockInput.ClientRebooted(client, state, now));
    }

    Result startGrace(String... clients) {
        return on(new LockInput.StartGrace(Set.of(clients), now));
    }

    Result tick() {
        return on(new LockInput.Tick(now));
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    /** Held locks on {@link #FILE}, in the lock notation. */
    List<String> held() {
        return store.load(FILE).locks().stream().map(Harness::format).toList();
    }

    List<String> queue() {
        return store.load(FILE).waiters().stream().map(w -> format(w.lock())).toList();
    }

    List<String> pending() {
        return store.load(FILE).grants().stream().map(g -> format(g.lock())).toList();
    }

    static List<String> granted(Result r) {
        return r.effects().stream().filter(e -> e instanceof Effect.GrantLock)
                .map(e -> format(((Effect.GrantLock) e).lock())).toList();
    }

    static Opaque grantCookie(Result r) {
        return r.effects().stream().filter(e -> e instanceof Effect.GrantLock)
                .map(e -> ((Effect.GrantLock) e).cookie()).findFirst().orElseThrow();
    }
}
