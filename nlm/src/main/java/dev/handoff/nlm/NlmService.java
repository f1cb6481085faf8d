package dev.handoff.nlm;

import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.callback.GrantHandOff;
import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.proc.Caller;
import dev.handoff.nlm.proc.ClientMonitor;
import dev.handoff.nlm.state.Effect;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.Result;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge around the pure {@link LockManager}: stamps inputs with the clock, carries out the effects (GRANTED
 * callbacks through {@link NlmCallbacks}, SM_MON through the {@link ClientMonitor}), feeds the callbacks' outcomes
 * back in, and ticks the manager so that grace and fairness windows end on time.
 *
 * <p>A GRANTED the client refuses, or that cannot reach it after every retry, releases the lock (the waiter
 * behind it is granted next): a lock no process waits for must not block the file forever. A GRANTED that must
 * leave from an address another node holds (a VIP, in a cluster) is handed to that node ({@link GrantHandOff})
 * instead, before it is sent or when its sending fails. Thread-safe.
 */
public final class NlmService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NlmService.class);
    /** Ticks end grace and fairness windows at most this late. */
    static final Duration TICK = Duration.ofSeconds(1);

    private final LockManager manager;
    private final NlmCallbacks callbacks;
    private final ClientMonitor monitor;
    private final InstantSource clock;
    private final String serverName;
    /** GRANTED callbacks in flight, by cookie: a GRANTED_RES carries only the cookie. */
    private final Map<Opaque, FileKey> grantsOut = new ConcurrentHashMap<>();
    private final AtomicLong cookies = new AtomicLong(new SecureRandom().nextLong());
    private volatile ScheduledFuture<?> ticks;
    private volatile GrantHandOff handOff = GrantHandOff.NONE;
    /** Files whose last link went, their locks not yet released ({@link #fileRemoved}). */
    private final Queue<FileKey> removed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean releaseQueued = new AtomicBoolean();
    /** Where removed files' locks are released: at once on the caller's thread until the ticks start. */
    private volatile Executor releases = Runnable::run;

    /** @param serverName the caller_name of our GRANTED callbacks (lockd sends its node name) */
    public NlmService(LockManager manager, NlmCallbacks callbacks, ClientMonitor monitor, InstantSource clock,
                      String serverName) {
        this.manager = Objects.requireNonNull(manager);
        this.callbacks = Objects.requireNonNull(callbacks);
        this.monitor = Objects.requireNonNull(monitor);
        this.clock = Objects.requireNonNull(clock);
        this.serverName = Objects.requireNonNull(serverName);
    }

    public LockManager manager() {
        return manager;
    }

    public InstantSource clock() {
        return clock;
    }

    /** Where GRANTED callbacks go that must leave from an address this node does not hold. */
    public void handOffGrants(GrantHandOff to) {
        handOff = Objects.requireNonNull(to);
    }

    /**
     * Sends the GRANTED another node handed over, if the grant is still pending in the (shared) table; answers
     * whether it was. Its answer settles the grant here, as for a grant made here.
     */
    public boolean sendPendingGrant(FileKey file, Opaque cookie) {
        return manager.pendingGrant(file, cookie).map(g -> {
            grant(g);
            return true;
        }).orElse(false);
    }

    /** A cookie for a GRANTED callback: unique per server start, as lockd's counter (the client's is not). */
    public Opaque nextGrantCookie() {
        return Opaque.copyOf(ByteBuffer.allocate(8).putLong(cookies.incrementAndGet()).array());
    }

    /** Runs one input and carries out its effects; answers the manager's result. */
    public Result submit(LockInput input, Caller caller) {
        Result r = manager.on(input);
        for (Effect e : r.effects()) {
            carryOut(e, caller);
        }
        return r;
    }

    /** Whether a request from {@code from} may act in {@code callerName}'s name ({@link ClientMonitor#speaksFor}). */
    public boolean speaksFor(String callerName, InetAddress from) {
        return from == null || monitor.speaksFor(callerName, from);
    }

    /** After a restart that lost the lock table: only reclaims by {@code expected} clients, for the grace period. */
    public void startGrace(Set<String> expected) {
        if (expected.isEmpty()) {
            // The manager opens no grace then; its GraceEnded would only say so again.
            log.info("NLM: no client held locks before this start, so no grace period");
            manager.on(new LockInput.StartGrace(expected, clock.instant()));
            return;
        }
        log.info("NLM grace period started, waiting for {} client(s) to reclaim: {}", expected.size(), expected);
        submit(new LockInput.StartGrace(expected, clock.instant()), Caller.INTERNAL);
    }

    /** NSM reported that {@code callerName} restarted: free everything it held. */
    public void clientRebooted(String callerName, int state) {
        submit(new LockInput.ClientRebooted(callerName, state, clock.instant()), Caller.INTERNAL);
    }

    /**
     * The file lost its last link: its locks, shares and waits go with it, soon after, on the ticks' thread: not on
     * the REMOVE's path, which would otherwise wait for the (shared) table twice, to find that nearly every removed
     * file held nothing. Files removed meanwhile are looked up together ({@link LockManager#withRecords}). Locks of
     * a removed file pending when this node stops stay in the table until their client frees them or reboots.
     */
    public void fileRemoved(FileKey file) {
        removed.add(file);
        if (releaseQueued.compareAndSet(false, true)) {
            try {
                releases.execute(this::releaseRemoved);
            } catch (RejectedExecutionException e) {
                log.debug("stopping: the locks of a removed file stay until their clients free them");
            }
        }
    }

    private void releaseRemoved() {
        // Cleared before draining: a file added from here on queues another run.
        releaseQueued.set(false);
        List<FileKey> batch = new ArrayList<>();
        for (FileKey f; (f = removed.poll()) != null; ) {
            batch.add(f);
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<FileKey> held;
        try {
            held = manager.withRecords(batch);
        } catch (RuntimeException e) {
            log.warn("looking up the locks of {} removed file(s) failed; any stay until their clients free them",
                    batch.size(), e);
            return;
        }
        for (FileKey f : held) {
            try {
                submit(new LockInput.ReleaseFile(f, clock.instant()), Caller.INTERNAL);
            } catch (RuntimeException e) {
                log.warn("releasing the locks of removed file {} failed; they stay until their clients free them",
                        f, e);
            }
        }
    }

    /** The answer to a GRANTED_MSG we sent, arriving as GRANTED_RES. */
    public void grantAnswered(Opaque cookie, NlmStatus status) {
        FileKey file = grantsOut.remove(cookie);
        if (file == null) {
            log.debug("GRANTED_RES for unknown cookie {}", cookie.toHex());
            return;
        }
        settle(file, cookie, status == NlmStatus.GRANTED, "GRANTED_RES " + status);
    }

    public void startTicks(ScheduledExecutorService timer) {
        releases = timer;
        ticks = timer.scheduleWithFixedDelay(() -> {
            try {
                submit(new LockInput.Tick(clock.instant()), Caller.INTERNAL);
            } catch (RuntimeException e) {
                log.warn("lock manager tick failed", e);
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void carryOut(Effect effect, Caller caller) {
        switch (effect) {
            case Effect.GrantLock g -> grant(g);
            case Effect.MonitorClient m -> {
                if (caller.monitor() && caller.client() != null
                        && !monitor.monitor(m.callerName(), caller.client(), caller.local())) {
                    // lockd refuses the lock when statd fails; here it is kept, but its holder's reboot will
                    // not free it, so say so.
                    log.warn("could not monitor {} ({}): its locks will not be freed when it reboots",
                            m.callerName(), caller.client());
                }
            }
            case Effect.GraceEnded g -> log.info("NLM grace period ended {}", g.early()
                    ? "early: every expected client has reclaimed" : "at its timeout");
        }
    }

    private void grant(Effect.GrantLock g) {
        CallbackTarget to;
        try {
            to = CallbackTarget.decode(g.replyTo());
        } catch (IllegalArgumentException e) {
            log.warn("granted lock {} has no usable callback address; releasing it", g.lock(), e);
            settle(g.file(), g.cookie(), false, "bad callback address");
            return;
        }
        if (to.local() != null && handOff.handOff(to.local(), g.file(), g.cookie())) {
            log.debug("GRANTED {} to {} handed to the holder of {}", g.lock(), to.client(), to.local());
            return;
        }
        RangeLock lock = g.lock();
        TestArgs args = new TestArgs(g.cookie(), lock.type().exclusive(), new NlmLock(serverName, to.fh(),
                lock.owner().oh(), lock.owner().svid(), lock.range().offset(), lock.range().length()));
        grantsOut.put(g.cookie(), g.file());
        long sent = System.nanoTime();
        callbacks.granted(to, args, new NlmCallbacks.GrantOutcome() {
            @Override
            public void answered(NlmResult result) {
                if (grantsOut.remove(g.cookie()) != null) {
                    log.debug("GRANTED {} to {} answered {} after {} ms", lock, to.client(), result.status(),
                            (System.nanoTime() - sent) / 1_000_000);
                    settle(g.file(), g.cookie(), result.status() == NlmStatus.GRANTED, "GRANTED " + result.status());
                }
            }

            @Override
            public void unreachable(String why) {
                if (grantsOut.remove(g.cookie()) == null) {
                    return;
                }
                // The address left this node while the callback was out (a VIP moved): its new holder sends it.
                if (to.local() != null && handOff.handOff(to.local(), g.file(), g.cookie())) {
                    log.info("GRANTED {} to {} not sent from here ({}); handed to the new holder of {}", lock,
                            to.client(), why, to.local());
                    return;
                }
                settle(g.file(), g.cookie(), false, why);
            }
        });
    }

    private void settle(FileKey file, Opaque cookie, boolean accepted, String why) {
        if (!accepted) {
            log.info("GRANTED callback failed ({}): releasing the lock", why);
        }
        submit(accepted ? new LockInput.GrantConfirmed(file, cookie, clock.instant())
                : new LockInput.GrantFailed(file, cookie, clock.instant()), Caller.INTERNAL);
    }

    /** How many GRANTED callbacks await an answer. */
    public int grantsInFlight() {
        return grantsOut.size();
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = ticks;
        if (t != null) {
            t.cancel(false);
        }
    }
}
