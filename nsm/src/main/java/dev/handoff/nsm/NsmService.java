package dev.handoff.nsm;

import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.PeerNotifier;
import dev.handoff.nsm.state.Monitor;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.NsmEffect;
import dev.handoff.nsm.state.NsmEvent;
import dev.handoff.nsm.state.NsmInput;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.NsmState;
import dev.handoff.nsm.state.NsmStep;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.NsmStore;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.SmRes;
import dev.handoff.nsm.xdr.SmStatRes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's status monitor (NSM, XNFS chapter 11), in place of the host's rpc.statd: the edge around the
 * pure {@link NsmState}. It feeds inputs in under one lock, saves each snapshot to the {@link NsmStore} before
 * the transition counts, then, outside the lock, hands notices of our restart to the {@link Notifier} and
 * status changes of monitored hosts to the {@link PeerRebootListener} registered for the watcher's
 * {@code my_id}.
 *
 * <p>The lock manager calls {@link #monitor} when a client first takes a lock (as lockd calls SM_MON), and
 * {@link #unmonitor} when it forgets the client; the RPC procedures ({@link NsmProgram}) come here too.
 */
public final class NsmService {
    private static final Logger log = LoggerFactory.getLogger(NsmService.class);

    private final NsmConfig config;
    private final NsmStore store;
    private final PeerNotifier notifier;
    private final InstantSource clock;
    private final NsmCounters counters = new NsmCounters();
    private final Map<MyId, PeerRebootListener> listeners = new ConcurrentHashMap<>();
    private final Set<String> monitoredBeforeStart;
    private final Notifier.Outcome outcome = new Notifier.Outcome() {
        @Override
        public void notified(NotifyTarget target, int state) {
            apply(new NsmInput.Notified(target, state));
        }

        @Override
        public void gaveUp(NotifyTarget target, int state) {
            apply(new NsmInput.GaveUp(target, state));
        }
    };
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private NsmState state;

    private NsmService(NsmConfig config, NsmStore store, PeerNotifier notifier, InstantSource clock, NsmState state,
                       Set<String> monitoredBeforeStart) {
        this.config = config;
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
        this.state = state;
        this.monitoredBeforeStart = Set.copyOf(monitoredBeforeStart);
    }

    /**
     * Loads the saved snapshot, takes the next state number, saves it, and starts notifying every host that was
     * monitored (and every one still owed a notice). Fails, with nothing sent, when the number cannot be saved.
     */
    public static NsmService start(NsmConfig config, NsmStore store, PeerNotifier notifier, InstantSource clock)
            throws IOException {
        NsmSnapshot saved = store.load();
        NsmStep boot = NsmState.restore(saved, config.limits()).on(new NsmInput.Boot(), clock.instant());
        Set<String> lost = new LinkedHashSet<>();
        saved.monitors().forEach(m -> lost.add(m.monName()));
        NsmService service = new NsmService(config, store, notifier, clock, boot.next(), lost);
        for (NsmEffect e : boot.effects()) {
            if (e instanceof NsmEffect.Persist p) {
                store.save(p.snapshot());
            }
        }
        service.counters.increment(boot.event());
        log.info("status monitor up with state {} (saved {}); {} peers to tell", Integer.toUnsignedString(
                boot.state()), Integer.toUnsignedString(saved.state()), boot.next().pending().size());
        service.carryOut(boot.effects());
        return service;
    }

    /** Our state number: odd, new at each start. */
    public int state() {
        synchronized (lock) {
            return state.number();
        }
    }

    /** SM_STAT: whether a monitor of {@code monName} would be taken. */
    public SmStatRes stat(String monName) {
        return apply(new NsmInput.Stat(monName));
    }

    /**
     * SM_MON from the lock manager: watch {@code mon.monId().monName()} for {@code mon.monId().myId()}, and on our
     * restart tell it as {@code knownAs}. STAT_FAIL when the list is full or the monitor cannot be saved: the
     * lock must then be refused, as lockd refuses it when statd fails.
     *
     * @param address where the host calls from (the notice of our restart goes there), or null to resolve
     *                its name then
     */
    public SmStatRes monitor(Mon mon, InetAddress address, ServerName knownAs) {
        return apply(new NsmInput.AddMonitor(mon, address, knownAs));
    }

    /** SM_MON as the RPC procedure carries it: the host will hear of our restart under the default name. */
    SmStatRes monitor(Mon mon) {
        return monitor(mon, null, config.defaultName());
    }

    /** SM_UNMON; returns our state number. */
    public int unmonitor(MonId id) {
        return apply(new NsmInput.RemoveMonitor(id)).state();
    }

    /** SM_UNMON_ALL; returns our state number. */
    public int unmonitorAll(MyId id) {
        return apply(new NsmInput.RemoveAll(id)).state();
    }

    /** SM_SIMU_CRASH: a new state number, the monitor list emptied and every host on it notified. */
    public int simulateCrash() {
        return apply(new NsmInput.SimulateCrash()).state();
    }

    /** SM_NOTIFY from a peer, which sent it from {@code caller} (null when unknown). */
    public void peerRebooted(String monName, int peerState, InetAddress caller) {
        apply(new NsmInput.PeerRebooted(monName, peerState, caller));
    }

    /** Status changes for watches made with {@code myId} go to {@code listener}. */
    public void register(MyId myId, PeerRebootListener listener) {
        listeners.put(Objects.requireNonNull(myId, "myId"), Objects.requireNonNull(listener, "listener"));
    }

    public void unregister(MyId myId) {
        listeners.remove(myId);
    }

    public List<Monitor> monitors() {
        synchronized (lock) {
            return state.monitors();
        }
    }

    /** Peers not yet told of our latest restart. */
    public List<NotifyTarget> pending() {
        synchronized (lock) {
            return state.pending();
        }
    }

    /**
     * The hosts monitored when this server last stopped: they held locks that are gone, and will reclaim them
     * once our notice reaches them (the lock manager's grace period waits for them).
     */
    public Set<String> monitoredBeforeStart() {
        return monitoredBeforeStart;
    }

    public NsmCounters counters() {
        return counters;
    }

    /** A procedure only the local lock manager may call came from elsewhere. */
    void refusedRemote(String procedure, InetSocketAddress from) {
        counters.increment(NsmEvent.REMOTE_REFUSED);
        log.warn("refused {} from {}: only local callers may change what the monitor watches", procedure, from);
    }

    private SmStatRes apply(NsmInput input) {
        NsmStep step;
        synchronized (lock) {
            step = state.on(input, clock.instant());
            if (!persist(step)) {
                counters.increment(NsmEvent.PERSIST_FAILED);
                return new SmStatRes(SmRes.STAT_FAIL, state.number());
            }
            state = step.next();
        }
        counters.increment(step.event());
        carryOut(step.effects());
        return new SmStatRes(step.result(), step.state());
    }

    /** Under the lock, so that saves reach the store in the order of the states. */
    private boolean persist(NsmStep step) {
        for (NsmEffect e : step.effects()) {
            if (e instanceof NsmEffect.Persist p) {
                try {
                    store.save(p.snapshot());
                } catch (IOException | RuntimeException ex) {
                    if (p.required()) {
                        log.warn("{} refused: the monitor list could not be saved: {}", step.event().metricName(),
                                ex.toString());
                        return false;
                    }
                    log.warn("saving the monitor list failed; the next change saves it again: {}", ex.toString());
                }
            }
        }
        return true;
    }

    private void carryOut(List<NsmEffect> effects) {
        for (NsmEffect e : effects) {
            switch (e) {
                case NsmEffect.Persist p -> { }
                case NsmEffect.NotifyPeers n -> notifier.notify(n.targets(), n.state(), outcome);
                case NsmEffect.DeliverStatusChange d -> deliver(d);
            }
        }
    }

    private void deliver(NsmEffect.DeliverStatusChange d) {
        PeerRebootListener listener = listeners.get(d.to());
        if (listener == null) {
            log.warn("{} restarted (state {}), but nothing here listens for {}", d.monName(),
                    Integer.toUnsignedString(d.state()), d.to());
            return;
        }
        log.info("{} restarted (state {}); telling {}", d.monName(), Integer.toUnsignedString(d.state()), d.to());
        try {
            listener.onReboot(d.monName(), d.state(), d.priv());
        } catch (RuntimeException ex) {
            log.warn("the listener for {} failed on the restart of {}", d.to(), d.monName(), ex);
        }
    }
}
