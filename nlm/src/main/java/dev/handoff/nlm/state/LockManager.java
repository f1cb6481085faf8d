package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The NLM lock manager (XNFS §10): each {@link LockInput} becomes a {@link Result} (the reply's status, and the
 * {@link Effect}s for the edge to carry out). It reads no clock, opens no socket and starts no thread; time arrives
 * on the inputs, and the table lives in a {@link LockStore}.
 *
 * <p>Every request touches one file: load its record, compute the transition with the pure functions of
 * {@link LockRequests}, {@link ShareRequests} and {@link Releases}, and commit by compare-and-set; a lost race
 * recomputes from the fresh record. So work on one file is serialized without a lock held across calls, on one node
 * or on several sharing the store, and effects are only returned for transitions that were committed. FREE_ALL and
 * reboot notices walk the client's files through the store's per-client index, one file at a time.
 *
 * <p>Grace ({@link Grace}) is checked first: while it lasts, only reclaims are granted and TEST, LOCK and SHARE
 * without reclaim answer DENIED_GRACE_PERIOD, as lockd does. UNLOCK, CANCEL and UNSHARE are served (lockd refuses
 * them too, but giving up one's own lock can take nothing from a reclaiming client). After grace a reclaim is
 * granted only for a lock the owner still holds ({@link LockRequests#reassert}).
 *
 * <p>Thread-safe: it holds no state but its counters; call it from any worker thread.
 */
public final class LockManager {
    private enum Gate { OPEN, RECLAIM, LATE_RECLAIM, GRACE }

    private record Reply(LockStatus status, Optional<RangeLock> holder) {
        static final Reply GRANTED = new Reply(LockStatus.GRANTED, Optional.empty());
    }

    private final LockStore store;
    private final LockConfig config;
    private final TransitionCounters counters = new TransitionCounters();

    public LockManager(LockStore store, LockConfig config) {
        this.store = Objects.requireNonNull(store);
        this.config = Objects.requireNonNull(config);
    }

    public TransitionCounters counters() {
        return counters;
    }

    /**
     * The GRANTED still owed for the grant {@code cookie} on {@code file}, while it is pending (not yet accepted,
     * refused or released): what a node that did not make the grant sends on its maker's behalf.
     */
    public Optional<Effect.GrantLock> pendingGrant(FileKey file, Opaque cookie) {
        return store.load(file).grants().stream().filter(g -> g.waiter().cookie().equals(cookie)).findFirst()
                .map(g -> new Effect.GrantLock(file, g.lock(), cookie, g.waiter().replyTo()));
    }

    /** Those of {@code files} that hold anything (a lock, share, wait or pending grant), read in one go. */
    public Set<FileKey> withRecords(Collection<FileKey> files) {
        return store.withRecords(files);
    }

    public Result on(LockInput input) {
        List<Effect> effects = new ArrayList<>();
        Instant now = input.now();
        expireGrace(now, effects);
        Reply reply = switch (input) {
            case LockInput.Lock in -> lock(in, effects);
            case LockInput.Test in -> gate(in.lock().client(), false, now, effects) == Gate.GRACE
                    ? refuse(Transition.TEST_DENIED_GRACE)
                    : apply(in.file(), f -> LockRequests.test(f, in.lock()), effects);
            case LockInput.Unlock in -> {
                gate(in.owner().callerName(), false, now, effects);
                yield apply(in.file(), f -> LockRequests.unlock(f, in, config), effects);
            }
            case LockInput.Cancel in -> {
                gate(in.lock().client(), false, now, effects);
                yield apply(in.file(), f -> LockRequests.cancel(f, in, config), effects);
            }
            case LockInput.GrantConfirmed in -> apply(in.file(), f -> LockRequests.grantConfirmed(f, in.cookie()),
                    effects);
            case LockInput.GrantFailed in -> apply(in.file(),
                    f -> LockRequests.grantFailed(f, in.cookie(), config, now), effects);
            case LockInput.Share in -> share(in, effects);
            case LockInput.Unshare in -> {
                gate(in.owner().callerName(), false, now, effects);
                yield apply(in.file(), f -> ShareRequests.unshare(f, in.owner()), effects);
            }
            case LockInput.FreeAll in -> release(in.callerName(), Transition.CLIENT_FREED, now, effects);
            case LockInput.ClientRebooted in -> release(in.callerName(), Transition.CLIENT_REBOOTED, now, effects);
            case LockInput.ReleaseFile in -> apply(in.file(), Releases::file, effects);
            case LockInput.StartGrace in -> startGrace(in, effects);
            case LockInput.Tick in -> tick(now, effects);
        };
        return new Result(reply.status(), reply.holder(), effects);
    }

    private Reply lock(LockInput.Lock in, List<Effect> effects) {
        String client = in.lock().client();
        return switch (gate(client, in.reclaim(), in.now(), effects)) {
            case GRACE -> refuse(Transition.LOCK_DENIED_GRACE);
            case LATE_RECLAIM -> apply(in.file(), f -> LockRequests.reassert(f, in.lock()), effects);
            case OPEN, RECLAIM -> {
                ClientUsage usage = store.usage(client);
                int first = effects.size();
                Reply r = apply(in.file(), f -> LockRequests.lock(f, in, usage, config), effects);
                monitorIfNew(client, usage, r, first, effects);
                yield r;
            }
        };
    }

    private Reply share(LockInput.Share in, List<Effect> effects) {
        String client = in.share().client();
        return switch (gate(client, in.reclaim(), in.now(), effects)) {
            case GRACE -> refuse(Transition.SHARE_DENIED_GRACE);
            case LATE_RECLAIM -> apply(in.file(), f -> ShareRequests.reassert(f, in.share()), effects);
            case OPEN, RECLAIM -> {
                ClientUsage usage = store.usage(client);
                int first = effects.size();
                Reply r = apply(in.file(), f -> ShareRequests.share(f, in.share(), in.reclaim(), usage, config),
                        effects);
                monitorIfNew(client, usage, r, first, effects);
                yield r;
            }
        };
    }

    /** lockd monitors a client before it first holds anything; repeats are cheap, so a race may send two. */
    private static void monitorIfNew(String client, ClientUsage before, Reply r, int at, List<Effect> effects) {
        if (before.isEmpty() && (r.status() == LockStatus.GRANTED || r.status() == LockStatus.BLOCKED)) {
            effects.add(at, new Effect.MonitorClient(client));
        }
    }

    private Reply release(String client, Transition transition, Instant now, List<Effect> effects) {
        for (FileKey file : store.filesOf(client)) {
            collect(commit(file, f -> Releases.client(f, client, transition, config, now)), effects);
        }
        updateGrace(now, g -> g.done(client), effects);
        counters.increment(transition);
        return Reply.GRANTED;
    }

    private Reply tick(Instant now, List<Effect> effects) {
        for (FileKey file : store.due(now)) {
            collect(commit(file, f -> LockRequests.settle(f, LockStatus.GRANTED, Transition.FAIRNESS_WAKE, config,
                    now)), effects);
            counters.increment(Transition.FAIRNESS_WAKE);
        }
        return Reply.GRANTED;
    }

    private Reply startGrace(LockInput.StartGrace in, List<Effect> effects) {
        Grace next = Grace.start(in.now(), config.gracePeriod(), in.expectedClients());
        while (!store.commitGrace(store.grace(), next)) {
            counters.increment(Transition.STORE_CONFLICT);
        }
        counters.increment(Transition.GRACE_STARTED);
        if (!next.active(in.now())) {
            counters.increment(Transition.GRACE_ENDED_EARLY);
            effects.add(new Effect.GraceEnded(in.now(), true));
        }
        return Reply.GRANTED;
    }

    /** Where a request stands with grace; also records what the request says about the client's recovery. */
    private Gate gate(String client, boolean reclaim, Instant now, List<Effect> effects) {
        Grace g = updateGrace(now, reclaim ? x -> x.reclaimBy(client) : x -> x.requestBy(client), effects);
        if (!g.active(now)) {
            return reclaim ? Gate.LATE_RECLAIM : Gate.OPEN;
        }
        return reclaim ? Gate.RECLAIM : Gate.GRACE;
    }

    private Grace updateGrace(Instant now, UnaryOperator<Grace> change, List<Effect> effects) {
        while (true) {
            Grace g = store.grace();
            Grace next = change.apply(g);
            if (!g.active(now) || next.equals(g)) {
                return g;
            }
            if (store.commitGrace(g, next)) {
                counters.add(Transition.GRACE_CLIENT_DONE, g.pending().size() - next.pending().size());
                if (!next.active(now)) {
                    counters.increment(Transition.GRACE_ENDED_EARLY);
                    effects.add(new Effect.GraceEnded(now, true));
                }
                return next;
            }
            counters.increment(Transition.STORE_CONFLICT);
        }
    }

    private void expireGrace(Instant now, List<Effect> effects) {
        Grace g = store.grace();
        if (!g.equals(Grace.NONE) && !g.active(now) && store.commitGrace(g, Grace.NONE)) {
            counters.increment(Transition.GRACE_ENDED_TIMEOUT);
            effects.add(new Effect.GraceEnded(g.endsAt(), false));
        }
    }

    private Reply refuse(Transition transition) {
        counters.increment(transition);
        return new Reply(LockStatus.DENIED_GRACE_PERIOD, Optional.empty());
    }

    private Reply apply(FileKey file, Function<FileLocks, Step> transition, List<Effect> effects) {
        Step step = commit(file, transition);
        counters.increment(step.transition());
        collect(step, effects);
        return new Reply(step.status(), step.holder());
    }

    private void collect(Step step, List<Effect> effects) {
        for (Effect e : step.effects()) {
            if (e instanceof Effect.GrantLock) {
                counters.increment(Transition.WAIT_GRANTED);
            }
        }
        effects.addAll(step.effects());
    }

    /** Load, transition, compare-and-set; again on a lost race. Some writer always wins, so this ends. */
    private Step commit(FileKey file, Function<FileLocks, Step> transition) {
        while (true) {
            FileLocks current = store.load(file);
            Step step = transition.apply(current);
            if (step.next().equals(current)
                    || store.commit(current, step.next().withVersion(current.version() + 1))) {
                return step;
            }
            counters.increment(Transition.STORE_CONFLICT);
        }
    }
}
