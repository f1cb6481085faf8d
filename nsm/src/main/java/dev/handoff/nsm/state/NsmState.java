package dev.handoff.nsm.state;

import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.SmRes;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status monitor (NSM, X/Open XNFS chapter 11) as an immutable value: {@link #on} gives the next value, the
 * answer and the effects, and reads no clock, no disk and no network.
 *
 * <p>The failure it exists to prevent: this server restarts and its lock table is gone, but a client that is
 * not told goes on writing under locks that no longer exist while another client is granted the same range.
 * So every host monitored when we went down stays on disk as owed a notice ({@link #pending()}), and is told,
 * under each name it knows us by, a new state number that reached the disk before anyone heard it.
 *
 * <pre>
 *   loaded(n) --Boot--------------> up(n' = (n | 1) + 2)   monitors move to pending; Persist!, NotifyPeers
 *   up(n) -----SimulateCrash------> up(n' = (n | 1) + 2)   the same, as statd's SM_SIMU_CRASH restarts it
 *   up --------AddMonitor---------> up + entry             Persist!   (STAT_FAIL when full or nameless)
 *   up --------RemoveMonitor/All--> up - entries           Persist
 *   up --------PeerRebooted-------> up                     DeliverStatusChange per matching entry whose
 *                                                          recorded peer state differs; Persist
 *   up --------Notified(t, n')----> up - pending t         Persist
 *   (Persist! = required: the transition only counts once saved)
 * </pre>
 *
 * State numbers follow rpc.statd: odd while up, a restart adds 2 to the saved number made odd (none saved
 * counts as 0, so the first is 3), compared as unsigned and wrapping after 2^32.
 */
public final class NsmState {
    private final NsmLimits limits;
    private final int number;
    private final boolean up;
    private final Map<Key, Monitor> monitors;
    private final Map<NotifyTarget.Key, NotifyTarget> pending;

    /** One watch: SM_UNMON names it by host and caller; both names compare without case. */
    private record Key(String monName, String myName, int prog, int vers, int proc) {
        static Key of(MonId id) {
            return new Key(HostNames.normalize(id.monName()), HostNames.normalize(id.myId().myName()),
                    id.myId().myProg(), id.myId().myVers(), id.myId().myProc());
        }

        boolean belongsTo(MyId id) {
            return myName.equals(HostNames.normalize(id.myName())) && prog == id.myProg() && vers == id.myVers()
                    && proc == id.myProc();
        }
    }

    private NsmState(NsmLimits limits, int number, boolean up, Map<Key, Monitor> monitors,
                     Map<NotifyTarget.Key, NotifyTarget> pending) {
        this.limits = limits;
        this.number = number;
        this.up = up;
        this.monitors = Collections.unmodifiableMap(monitors);
        this.pending = Collections.unmodifiableMap(pending);
    }

    /** The state as saved, not yet up: the only input it takes is {@link NsmInput.Boot}. */
    public static NsmState restore(NsmSnapshot saved, NsmLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Map<Key, Monitor> monitors = new LinkedHashMap<>();
        // The limits bound what callers may add; a list saved under larger limits is kept whole, since each
        // entry is a client owed a notice.
        saved.monitors().forEach(m -> monitors.putIfAbsent(Key.of(m.id()), m));
        Map<NotifyTarget.Key, NotifyTarget> pending = new LinkedHashMap<>();
        saved.pending().forEach(t -> pending.putIfAbsent(t.key(), t));
        return new NsmState(limits, saved.state(), false, monitors, pending);
    }

    /** The number after {@code saved}: odd, and 2 past {@code saved} made odd. */
    public static int nextNumber(int saved) {
        return (saved | 1) + 2;
    }

    public int number() {
        return number;
    }

    public boolean isUp() {
        return up;
    }

    public NsmLimits limits() {
        return limits;
    }

    /** The monitor list, oldest first. */
    public List<Monitor> monitors() {
        return List.copyOf(monitors.values());
    }

    /** The peers still owed a notice of our latest restart. */
    public List<NotifyTarget> pending() {
        return List.copyOf(pending.values());
    }

    public NsmSnapshot snapshot() {
        return new NsmSnapshot(number, monitors(), pending());
    }

    public NsmStep on(NsmInput input, Instant now) {
        if (up == input instanceof NsmInput.Boot) {
            throw new IllegalStateException(up ? "already booted" : "not booted yet: " + input);
        }
        return switch (input) {
            case NsmInput.Boot b -> restart(NsmEvent.BOOTED);
            case NsmInput.SimulateCrash c -> restart(NsmEvent.CRASH_SIMULATED);
            case NsmInput.Stat s -> stat(s.monName());
            case NsmInput.AddMonitor a -> add(a, now);
            case NsmInput.RemoveMonitor r -> remove(r.monId());
            case NsmInput.RemoveAll r -> removeAll(r.myId());
            case NsmInput.PeerRebooted p -> peerRebooted(p);
            case NsmInput.Notified n -> notified(n);
            case NsmInput.GaveUp g -> same(SmRes.STAT_SUCC, NsmEvent.NOTIFY_GAVE_UP);
        };
    }

    private NsmStep restart(NsmEvent event) {
        int next = nextNumber(number);
        // The hosts monitored now come first: their locks were lost just now. Older debts fill what room is left;
        // a peer given up on at an earlier restart is tried again, as sm-notify leaves it in sm.bak.
        Map<NotifyTarget.Key, NotifyTarget> owed = new LinkedHashMap<>();
        for (Monitor m : monitors.values()) {
            m.targets().forEach(t -> owe(owed, t));
        }
        pending.values().forEach(t -> owe(owed, t));
        NsmState s = new NsmState(limits, next, true, new LinkedHashMap<>(), owed);
        List<NsmEffect> effects = new ArrayList<>();
        effects.add(new NsmEffect.Persist(s.snapshot(), true));
        if (!owed.isEmpty()) {
            effects.add(new NsmEffect.NotifyPeers(List.copyOf(owed.values()), next));
        }
        return new NsmStep(s, SmRes.STAT_SUCC, effects, event);
    }

    private void owe(Map<NotifyTarget.Key, NotifyTarget> owed, NotifyTarget t) {
        if (owed.size() < limits.maxPending()) {
            owed.putIfAbsent(t.key(), t);
        }
    }

    /** SM_STAT: yes for any name a new SM_MON could still take. */
    private NsmStep stat(String monName) {
        boolean watched = monitors.keySet().stream().anyMatch(k -> k.monName().equals(HostNames.normalize(monName)));
        boolean room = watched || monitors.size() < limits.maxMonitors();
        return same(!monName.isEmpty() && room ? SmRes.STAT_SUCC : SmRes.STAT_FAIL, NsmEvent.STAT);
    }

    private NsmStep add(NsmInput.AddMonitor in, Instant now) {
        MonId id = in.mon().monId();
        if (id.monName().isEmpty()) {
            return same(SmRes.STAT_FAIL, NsmEvent.MONITOR_REFUSED_NAME);
        }
        Key key = Key.of(id);
        Monitor old = monitors.get(key);
        if (old == null) {
            if (monitors.size() >= limits.maxMonitors()) {
                return same(SmRes.STAT_FAIL, NsmEvent.MONITOR_REFUSED_FULL);
            }
            Monitor m = new Monitor(id, in.mon().priv(), in.address(), List.of(in.knownAs()), 0, now);
            return withMonitor(key, m, NsmEvent.MONITOR_ADDED);
        }
        List<ServerName> names = old.knownAs();
        if (!names.contains(in.knownAs())) {
            if (names.size() >= limits.maxNamesPerMonitor()) {
                return same(SmRes.STAT_FAIL, NsmEvent.MONITOR_REFUSED_FULL);
            }
            names = new ArrayList<>(names);
            names.add(in.knownAs());
        }
        InetAddress address = in.address() != null ? in.address() : old.address();
        Monitor m = new Monitor(old.id(), in.mon().priv(), address, names, old.peerState(), old.since());
        return m.equals(old) ? same(SmRes.STAT_SUCC, NsmEvent.MONITOR_REPEATED)
                : withMonitor(key, m, NsmEvent.MONITOR_UPDATED);
    }

    private NsmStep withMonitor(Key key, Monitor m, NsmEvent event) {
        Map<Key, Monitor> next = new LinkedHashMap<>(monitors);
        next.put(key, m);
        return saved(new NsmState(limits, number, true, next, new LinkedHashMap<>(pending)), true, event);
    }

    private NsmStep remove(MonId id) {
        Map<Key, Monitor> next = new LinkedHashMap<>(monitors);
        if (next.remove(Key.of(id)) == null) {
            return same(SmRes.STAT_SUCC, NsmEvent.UNMONITORED_NONE);
        }
        return saved(new NsmState(limits, number, true, next, new LinkedHashMap<>(pending)), false,
                NsmEvent.UNMONITORED);
    }

    private NsmStep removeAll(MyId id) {
        Map<Key, Monitor> next = new LinkedHashMap<>(monitors);
        if (!next.keySet().removeIf(k -> k.belongsTo(id))) {
            return same(SmRes.STAT_SUCC, NsmEvent.UNMONITORED_NONE);
        }
        return saved(new NsmState(limits, number, true, next, new LinkedHashMap<>(pending)), false,
                NsmEvent.UNMONITORED_ALL);
    }

    /**
     * Statd keeps the watch after a notice (lockd unmonitors when it is done with the host) and delivers again
     * only a state number it has not seen, so a retransmitted notice cannot free locks taken since. A notice
     * from an address that is not the named host's ({@link HostNames#sentBy}) is a stranger's: it changes
     * nothing, as for a host nobody monitors.
     */
    private NsmStep peerRebooted(NsmInput.PeerRebooted in) {
        Map<Key, Monitor> next = new LinkedHashMap<>(monitors);
        List<NsmEffect> deliveries = new ArrayList<>();
        boolean known = false;
        for (Map.Entry<Key, Monitor> e : monitors.entrySet()) {
            Monitor m = e.getValue();
            if (!HostNames.matches(m.monName(), in.monName(), in.caller())
                    || !HostNames.sentBy(m.monName(), m.address(), in.caller())) {
                continue;
            }
            known = true;
            if (m.peerState() != in.state()) {
                next.put(e.getKey(), m.withPeerState(in.state()));
                deliveries.add(new NsmEffect.DeliverStatusChange(m.id().myId(), m.monName(), in.state(), m.priv()));
            }
        }
        if (!known) {
            return same(SmRes.STAT_SUCC, NsmEvent.PEER_UNKNOWN);
        }
        if (deliveries.isEmpty()) {
            return same(SmRes.STAT_SUCC, NsmEvent.PEER_REBOOT_REPEATED);
        }
        NsmState s = new NsmState(limits, number, true, next, new LinkedHashMap<>(pending));
        List<NsmEffect> effects = new ArrayList<>();
        effects.add(new NsmEffect.Persist(s.snapshot(), false));
        effects.addAll(deliveries);
        return new NsmStep(s, SmRes.STAT_SUCC, effects, NsmEvent.PEER_REBOOTED);
    }

    private NsmStep notified(NsmInput.Notified in) {
        Map<NotifyTarget.Key, NotifyTarget> next = new LinkedHashMap<>(pending);
        if (in.state() != number || next.remove(in.target().key()) == null) {
            return same(SmRes.STAT_SUCC, NsmEvent.NOTIFY_STALE);
        }
        return saved(new NsmState(limits, number, true, new LinkedHashMap<>(monitors), next), false,
                NsmEvent.NOTIFY_CONFIRMED);
    }

    private NsmStep same(SmRes result, NsmEvent event) {
        return new NsmStep(this, result, List.of(), event);
    }

    private static NsmStep saved(NsmState next, boolean required, NsmEvent event) {
        return new NsmStep(next, SmRes.STAT_SUCC, List.of(new NsmEffect.Persist(next.snapshot(), required)), event);
    }
}
