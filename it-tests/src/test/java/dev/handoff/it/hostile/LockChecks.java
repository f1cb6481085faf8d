package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.LISTED;
import static dev.handoff.it.hostile.HostileTree.OTHER;
import static dev.handoff.it.hostile.HostileTree.UNLISTED;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import java.util.function.Consumer;

/**
 * NLM (XNFS chapter 10) and NSM (chapter 11) calls meant to take away another client's lock. Client A
 * ({@code client-a}, svid 101, from {@link HostileTree#LISTED}) holds an exclusive lock on a/hello.txt; after
 * each attempt a third client's TEST must still see A as the holder:
 * <ul>
 *   <li>B (another name and svid, from {@link HostileTree#OTHER}) sends UNLOCK and CANCEL for the range;</li>
 *   <li>B sends UNLOCK and FREE_ALL in A's name, svid and owner handle: lockd binds a client to the address its
 *       requests come from, so a name alone proves nothing;</li>
 *   <li>B forges GRANTED_RES (a cookie we never sent) and GRANTED_MSG;</li>
 *   <li>an unlisted address tries LOCK, TEST and UNLOCK (refused: not GRANTED);</li>
 *   <li>SM_NOTIFY for {@code client-a} from B's address: the rule is that a notice counts only when it comes from
 *       the address the named host was monitored at; from A's own address it does release A's lock.</li>
 * </ul>
 */
final class LockChecks {
    static final int NLM = 100021;
    static final int NSM = 100024;
    static final int GRANTED = 0;
    static final int DENIED = 1;
    private static final Opaque COOKIE = Opaque.copyOf(new byte[] {1, 2, 3, 4});
    private static final Owner A = new Owner("client-a", 101, "owner-a");
    private static final Owner B = new Owner("client-b", 202, "owner-b");
    private static final Owner C = new Owner("client-c", 303, "owner-c");

    /** nlm4_lock's owner fields. */
    record Owner(String name, int svid, String oh) {
    }

    private final Session s;
    private final Opaque file;

    private LockChecks(Session s, Opaque file) {
        this.s = s;
        this.file = file;
    }

    static void run(Session s) throws Exception {
        Opaque root = s.root(LISTED, "a");
        Opaque file;
        try (RpcLink link = s.nfs(LISTED)) {
            file = Nfs.found(new Nfs(link, Cred.ROOT).lookup(root, "hello.txt"), "LOOKUP hello.txt");
        }
        LockChecks c = new LockChecks(s, file);
        s.checks().check("nlm.owner-a-locks", () -> {
            int st = c.lock(LISTED, A);
            Checks.expect(st == GRANTED, "LOCK by client-a answered %d", st);
            return c.holderSeen();
        });
        c.attempt("nlm.other-owner-unlock", OTHER, 4, x -> c.lockArgs(x, B));
        c.attempt("nlm.other-owner-cancel", OTHER, 3, x -> {
            x.writeOpaque(COOKIE).writeBool(true).writeBool(true);
            c.lock(x, B);
        });
        c.attempt("nlm.spoofed-owner-unlock-from-other-address", OTHER, 4, x -> c.lockArgs(x, A));
        c.attempt("nlm.free-all-for-other-host", OTHER, 23, x -> x.writeString(A.name()).writeInt(7));
        c.attempt("nlm.forged-granted-res", OTHER, 15, x -> x.writeOpaque(Opaque.copyOf(new byte[8])).writeInt(DENIED));
        c.attempt("nlm.forged-granted-msg", OTHER, 10, x -> {
            x.writeOpaque(COOKIE).writeBool(true);
            c.lock(x, A);
        });
        c.attempt("nlm.unlisted-lock", UNLISTED, 2, x -> {
            x.writeOpaque(COOKIE).writeBool(false).writeBool(true);
            c.lock(x, C);
            x.writeBool(false).writeInt(3);
        });
        c.attempt("nlm.unlisted-test", UNLISTED, 1, x -> {
            x.writeOpaque(COOKIE).writeBool(true);
            c.lock(x, C);
        });
        c.attempt("nlm.unlisted-unlock-in-a-name", UNLISTED, 4, x -> c.lockArgs(x, A));
        s.checks().check("nsm.notify-from-stranger-ignored", () -> {
            c.ensureHeld();
            c.notify(OTHER, 9);
            Thread.sleep(500);
            return c.holderSeen();
        });
        s.checks().check("nsm.notify-from-the-host-releases", () -> {
            c.ensureHeld();
            c.notify(LISTED, 11);
            for (int i = 0; i < 50; i++) {
                if (c.test(OTHER, C) == GRANTED) {
                    return "client-a's lock released by its own notice";
                }
                Thread.sleep(100);
            }
            throw new CheckFailed("SM_NOTIFY for client-a from its own address left its lock in place");
        });
    }

    /** Sends one call meant to release A's lock; A must still hold it afterwards, and the caller got no GRANTED. */
    private void attempt(String name, String from, int procedure, Consumer<dev.handoff.rpc.xdr.XdrEncoder> args) {
        s.checks().check(name, () -> {
            ensureHeld();
            RpcReply r;
            try (RpcLink link = s.to(from, HostileTree.NLM_PORT, true)) {
                r = link.call(NLM, 4, procedure, Cred.ROOT, args);
            }
            String reply = r.toString();
            if (procedure == 2 || procedure == 1) {
                XdrDecoder in = r.body();
                in.readOpaque(1024);
                int st = in.readInt();
                Checks.expect(st != GRANTED, "%s: the unlisted caller was answered GRANTED", name);
                reply = "nlm4_stat " + st;
            }
            Thread.sleep(200);
            return reply + "; " + holderSeen();
        });
    }

    private void ensureHeld() throws Exception {
        if (test(OTHER, C) == GRANTED) {
            lock(LISTED, A);
        }
    }

    /** TEST by C: A must be the holder. */
    private String holderSeen() throws Exception {
        try (RpcLink link = s.to(OTHER, HostileTree.NLM_PORT, true)) {
            XdrDecoder in = link.call(NLM, 4, 1, Cred.ROOT, x -> {
                x.writeOpaque(COOKIE).writeBool(true);
                lock(x, C);
            }).body();
            in.readOpaque(1024);
            int st = in.readInt();
            Checks.expect(st == DENIED, "TEST by client-c answered %d: client-a no longer holds its lock", st);
            in.readBool();
            int svid = in.readInt();
            Checks.expect(svid == A.svid(), "TEST shows svid %d as the holder, not client-a's %d", svid, A.svid());
            return "client-a still holds the lock";
        }
    }

    private int test(String from, Owner who) throws Exception {
        try (RpcLink link = s.to(from, HostileTree.NLM_PORT, true)) {
            XdrDecoder in = link.call(NLM, 4, 1, Cred.ROOT, x -> {
                x.writeOpaque(COOKIE).writeBool(true);
                lock(x, who);
            }).body();
            in.readOpaque(1024);
            return in.readInt();
        }
    }

    private int lock(String from, Owner who) throws Exception {
        try (RpcLink link = s.to(from, HostileTree.NLM_PORT, true)) {
            XdrDecoder in = link.call(NLM, 4, 2, Cred.ROOT, x -> {
                x.writeOpaque(COOKIE).writeBool(false).writeBool(true);
                lock(x, who);
                x.writeBool(false).writeInt(3);
            }).body();
            in.readOpaque(1024);
            return in.readInt();
        }
    }

    private void notify(String from, int state) throws Exception {
        try (RpcLink link = s.to(from, HostileTree.NSM_PORT, true)) {
            RpcReply r = link.call(NSM, 1, 6, Cred.ROOT, x -> x.writeString(A.name()).writeInt(state));
            Checks.expect(r.success(), "SM_NOTIFY answered %s", r);
        }
    }

    /** nlm4_unlockargs: cookie, lock. */
    private void lockArgs(dev.handoff.rpc.xdr.XdrEncoder x, Owner who) {
        x.writeOpaque(COOKIE);
        lock(x, who);
    }

    /** nlm4_lock for bytes 0-99 of the file. */
    private void lock(dev.handoff.rpc.xdr.XdrEncoder x, Owner who) {
        x.writeString(who.name()).writeOpaque(file).writeString(who.oh()).writeInt(who.svid()).writeHyper(0)
                .writeHyper(100);
    }
}
