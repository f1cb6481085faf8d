package dev.handoff.it.soak;

import dev.handoff.it.rpc.RecordSocket;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.time.Duration;

/**
 * Two lock owners of one client taking turns on one file, with a blocking wait each turn (RFC 1813 appendix II,
 * XNFS §10): the holder LOCKs, the other LOCKs with block=true and is told BLOCKED, the holder UNLOCKs, the server
 * grants the waiter and calls NLM4_GRANTED back through {@link CallbackServer}; the waiter, now holder, goes on.
 * A GRANTED that does not come within {@link #GRANT_WAIT} is an anomaly (the waiter CANCELs). After a broken
 * connection both owners UNLOCK and CANCEL first, so that a turn cut short leaves nothing behind.
 */
final class LockWorker implements Runnable {
    private static final Duration GRANT_WAIT = Duration.ofSeconds(20);
    private static final Duration HOLD = Duration.ofMillis(50);

    private final LoadContext ctx;
    private final int id;
    private final Duration pause;
    private RecordSocket socket;
    private Opaque file;
    private boolean dirty;
    private int turn;

    LockWorker(LoadContext ctx, int id, Duration pause) {
        this.ctx = ctx;
        this.id = id;
        this.pause = pause;
    }

    @Override
    public void run() {
        while (!ctx.over()) {
            try {
                if (socket == null) {
                    socket = RecordSocket.connect(ctx.nlm(), LoadContext.CONNECT);
                    ctx.counters().add("connects_long");
                }
                if (file == null) {
                    file = createFile();
                }
                NlmLock a = SoakCalls.wholeFile(file, 1000 * id + turn % 2);
                NlmLock b = SoakCalls.wholeFile(file, 1000 * id + (turn + 1) % 2);
                if (dirty) {
                    release(a);
                    release(b);
                    dirty = false;
                }
                dirty = true;
                turn(a, b);
                dirty = false;
                turn++;
                ctx.pause(pause);
            } catch (IOException e) {
                ctx.counters().add("reconnects");
                drop();
                sleep(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                ctx.counters().anomaly("errors", "lock worker " + id + ": " + e);
                drop();
                sleep(Duration.ofMillis(200));
            }
        }
        drop();
    }

    private Opaque createFile() throws IOException, InterruptedException {
        try (RecordSocket s = RecordSocket.connect(ctx.nfs(), LoadContext.CONNECT)) {
            Opaque fh = SoakReplies.createdHandle(
                    s.call(ctx.calls().create(ctx.root(), "locked-" + id), LoadContext.REPLY));
            ctx.counters().answered("CREATE");
            if (fh == null) {
                throw new IOException("CREATE of the lock file gave no handle");
            }
            return fh;
        }
    }

    private void turn(NlmLock holder, NlmLock waiter) throws IOException, InterruptedException {
        if (lock(holder, false) != NlmStatus.GRANTED) {
            return;
        }
        ctx.callbacks().expect(waiter.svid());
        NlmStatus queued = lock(waiter, true);
        Thread.sleep(HOLD);
        expect("UNLOCK", unlock(holder), NlmStatus.GRANTED);
        if (queued == NlmStatus.BLOCKED) {
            if (ctx.callbacks().awaitGranted(waiter.svid(), GRANT_WAIT)) {
                ctx.counters().add("lock_waits_granted");
            } else {
                ctx.counters().anomaly("grant_timeouts", "no GRANTED for svid " + waiter.svid() + " within "
                        + GRANT_WAIT);
                nlm("CANCEL", ctx.calls().cancel(waiter));
            }
        } else {
            ctx.counters().anomaly("unexpected_status", "a blocking LOCK against a held lock answered " + queued);
        }
        expect("UNLOCK", unlock(waiter), NlmStatus.GRANTED);
    }

    /** LOCK, waiting out a grace period (DENIED_GRACE_PERIOD) as a client's lockd does. */
    private NlmStatus lock(NlmLock lock, boolean block) throws IOException, InterruptedException {
        while (true) {
            NlmStatus s = nlm("LOCK", ctx.calls().lock(lock, block));
            if (s != NlmStatus.DENIED_GRACE_PERIOD || ctx.over()) {
                if (!block) {
                    expect("LOCK", s, NlmStatus.GRANTED);
                }
                return s;
            }
            ctx.counters().add("grace_waits");
            Thread.sleep(1000);
        }
    }

    private NlmStatus unlock(NlmLock lock) throws IOException {
        return nlm("UNLOCK", ctx.calls().unlock(lock));
    }

    private void release(NlmLock lock) throws IOException {
        nlm("CANCEL", ctx.calls().cancel(lock));
        unlock(lock);
    }

    private NlmStatus nlm(String op, byte[] call) throws IOException {
        NlmStatus s = SoakReplies.nlmStatus(socket.call(call, LoadContext.REPLY));
        ctx.counters().answered("NLM_" + op);
        return s;
    }

    private void expect(String op, NlmStatus got, NlmStatus wanted) {
        if (got != wanted) {
            ctx.counters().anomaly("unexpected_status", "NLM_" + op + " answered " + got + ", not " + wanted);
        }
    }

    private void drop() {
        if (socket != null) {
            socket.reset();
            socket = null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
