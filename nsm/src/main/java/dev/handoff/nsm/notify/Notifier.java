package dev.handoff.nsm.notify;

import dev.handoff.nsm.state.NotifyTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells peers that this server restarted (the {@code NotifyPeers} effect): each target on its own, first at
 * once, then again by the {@link RetryPolicy} until its statd acknowledges or the policy gives up, and reports
 * which. A later notice to the same target (SM_SIMU_CRASH during the retries) replaces the earlier one, whose
 * number is out of date. Time comes from the injected clock and {@link Scheduler}; nothing here sleeps.
 *
 * <p>Threads: campaigns are guarded by this object's lock; attempts and outcomes run outside it, outcomes on
 * whichever thread learned of them (the sender's, or the scheduler's).
 */
public final class Notifier implements PeerNotifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** What became of a notice; the monitor takes the peer off its list when it was notified. */
    public interface Outcome {
        void notified(NotifyTarget target, int state);

        void gaveUp(NotifyTarget target, int state);
    }

    /** One target's notice: its attempts so far and the timer of the next. */
    private static final class Campaign {
        final NotifyTarget target;
        final int state;
        final Outcome outcome;
        final Instant firstAttempt;
        int failures;
        Scheduler.Task timer;
        boolean over;

        Campaign(NotifyTarget target, int state, Outcome outcome, Instant firstAttempt) {
            this.target = target;
            this.state = state;
            this.outcome = outcome;
            this.firstAttempt = firstAttempt;
        }
    }

    private final NotifySender sender;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final RetryPolicy policy;
    private final AutoCloseable resources;
    private final Map<NotifyTarget, Campaign> campaigns = new HashMap<>();
    private boolean closed;
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public Notifier(NotifySender sender, Scheduler scheduler, InstantSource clock, RetryPolicy policy) {
        this(sender, scheduler, clock, policy, () -> { });
    }

    private Notifier(NotifySender sender, Scheduler scheduler, InstantSource clock, RetryPolicy policy,
                     AutoCloseable resources) {
        this.sender = sender;
        this.scheduler = scheduler;
        this.clock = clock;
        this.policy = policy;
        this.resources = resources;
    }

    /** A notifier with a timer thread of its own, closing {@code sender} and that thread when closed. */
    public static Notifier create(RpcNotifySender sender, RetryPolicy policy, InstantSource clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("nsm-notify-timer").daemon(true).factory());
        return new Notifier(sender, Scheduler.of(timer), clock, policy, () -> {
            timer.shutdownNow();
            sender.close();
        });
    }

    /** Starts telling each of {@code targets} that our state number is now {@code state}. */
    @Override
    public void notify(List<NotifyTarget> targets, int state, Outcome outcome) {
        List<Campaign> started = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("notifier is closed");
            }
            Instant now = clock.instant();
            for (NotifyTarget t : targets) {
                Campaign c = new Campaign(t, state, outcome, now);
                Campaign older = campaigns.put(t, c);
                if (older != null) {
                    stop(older);
                }
                started.add(c);
            }
        }
        started.forEach(this::attempt);
    }

    /** Targets still being tried. */
    public synchronized int inProgress() {
        return campaigns.size();
    }

    /** SM_NOTIFY calls a peer's statd acknowledged, over all campaigns; read by the metrics exporter. */
    public long acknowledged() {
        return acknowledged.sum();
    }

    /**
     * SM_NOTIFY attempts that failed (no answer, no statd, refused), retries included: a peer that is down
     * counts once per attempt until the policy gives up.
     */
    public long failed() {
        return failed.sum();
    }

    private void attempt(Campaign c) {
        synchronized (this) {
            if (c.over || closed) {
                return;
            }
            c.timer = null;
        }
        CompletableFuture<Void> sent;
        try {
            sent = sender.send(c.target, c.state);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, failure) -> attempted(c, failure));
    }

    private void attempted(Campaign c, Throwable failure) {
        (failure == null ? acknowledged : failed).increment();
        synchronized (this) {
            if (c.over || closed) {
                return;
            }
            if (failure != null) {
                c.failures++;
                Instant now = clock.instant();
                Optional<Instant> next = policy.nextAttempt(c.firstAttempt, c.failures, statdMissing(failure), now);
                if (next.isPresent()) {
                    log.debug("notifying {} as {} failed ({}); again at {}", c.target.peer(), c.target.as().name(),
                            failure.toString(), next.get());
                    c.timer = scheduler.schedule(Duration.between(now, next.get()), () -> attempt(c));
                    return;
                }
            }
            stop(c);
        }
        if (failure == null) {
            log.debug("notified {} as {} of state {}", c.target.peer(), c.target.as().name(), c.state);
            c.outcome.notified(c.target, c.state);
        } else {
            log.warn("giving up telling {} (as {}) of our restart after {} attempts: {}", c.target.peer(),
                    c.target.as().name(), c.failures, failure.toString());
            c.outcome.gaveUp(c.target, c.state);
        }
    }

    private static boolean statdMissing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StatdNotRegisteredException) {
                return true;
            }
        }
        return false;
    }

    /** Under the lock. */
    private void stop(Campaign c) {
        c.over = true;
        if (c.timer != null) {
            c.timer.cancel();
            c.timer = null;
        }
        campaigns.remove(c.target, c);
    }

    /** Stops every campaign without reporting it: the targets stay owed, for the next start. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            new ArrayList<>(campaigns.values()).forEach(this::stop);
        }
        try {
            resources.close();
        } catch (Exception e) {
            log.warn("closing the notifier failed", e);
        }
    }
}
