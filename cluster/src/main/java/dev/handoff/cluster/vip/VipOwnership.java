package dev.handoff.cluster.vip;

import static dev.handoff.cluster.vip.VipEvent.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One node's share of VIP ownership (DESIGN.md §1, §5), as a deterministic machine: {@link #on} maps an input
 * and the node's monotonic time to effects. It reads no clock, stores nothing shared and touches no socket;
 * the shared VIP table is an input ({@link VipInput.TableChanged}) and an output ({@link VipEffect.WriteRecord}).
 *
 * <p>The failure it prevents: the owner of a VIP is cut off from the cluster (or paused longer than a lease)
 * while clients keep writing through it; the others move the VIP, and for a while two nodes answer for one
 * address, each acknowledging writes the other never sees. So a node serves only while a row names it with the
 * current epoch AND its lease holds on its own clock; it stops and removes the address on its own when it
 * cannot renew; the others wait out the lease on THEIR clocks plus a margin before a compare-and-set that
 * bumps the epoch (see {@link VipRecord} for why that order holds without synchronised clocks). A planned move
 * hands over only after the old owner drained and took its address down, or after its lease ran out.
 *
 * <pre>
 *  (watching) --FREE, or expired for lease+margin, placed here--> Claiming   WriteRecord(-> SERVING, e+1)
 *  (watching) --row ACQUIRING names us------------------------> Claiming   WriteRecord(-> SERVING, e)
 *  Claiming ---applied------------------------> Serving    AddAddress, Announce, [SendTickles], StartServing
 *  Claiming ---failed, lost, timed out----------> (watching)
 *  Serving ----renewal applied----------------> Serving    (lease from the first send of that row)
 *  Serving ----move/drain/rebalance, RELEASING applied--> Draining   StopServing (stage 1 on the edge)
 *  Draining ---DrainDone----------------------> HandingOff RemoveAddress, WriteRecord(-> ACQUIRING target, e+1)
 *  HandingOff -applied------------------------> (watching) CloseConnections (stage 3)
 *  Serving/Draining/HandingOff --lease ran out, or row no longer names us--> (watching)
 *                                      StopServing, RemoveAddress, CloseConnections (what is still up)
 * </pre>
 *
 * <p>Threads: not thread-safe; one owner thread feeds inputs and carries out the effects in order.
 *
 * <p>About 500 lines, on purpose: every transition in the diagram reads and changes the same per-VIP roles,
 * and reviewing fencing needs them side by side. What does not decide transitions lives apart: the views
 * ({@link TableView}, {@link Membership}) and {@link Placement}.
 */
public final class VipOwnership {
    private final NodeId self;
    private final VipConfig config;
    private final TableView table = new TableView();
    private final Map<VipId, Role> roles = new TreeMap<>();
    private final Membership members;
    private final Map<VipEvent, Long> counts = new EnumMap<>(VipEvent.class);
    /** Per VIP, the last row we tried to write and when we FIRST sent it (see {@link #write}). */
    private final Map<VipId, Write> firstAttempts = new TreeMap<>();
    private final List<VipEffect> effects = new ArrayList<>();
    private final List<VipEvent> events = new ArrayList<>();
    private boolean quorum;
    private boolean drainedReported;
    private Instant lastRebalance;

    /** Starts knowing no rows, alone, and without quorum until told ({@link VipInput.QuorumRegained}). */
    public VipOwnership(NodeId self, VipConfig config, Instant now) {
        this.self = Objects.requireNonNull(self, "self");
        this.config = Objects.requireNonNull(config, "config");
        this.members = new Membership(self, now);
    }

    public VipStep on(VipInput input, Instant now) {
        effects.clear();
        events.clear();
        // Before anything else: a node resuming from a pause must stop before it acts on stale beliefs.
        expire(now);
        switch (input) {
            case VipInput.Tick t -> tick(now);
            case VipInput.TableChanged t -> t.records().forEach(r -> observe(r, now, false));
            case VipInput.TableRead t -> t.records().forEach(r -> observe(r, now, true));
            case VipInput.WriteResult r -> writeResult(r, now);
            case VipInput.QuorumLost q -> quorum(false);
            case VipInput.QuorumRegained q -> quorum(true);
            case VipInput.MembersChanged m -> members(m.alive(), now);
            case VipInput.MoveRequested m -> moveRequested(m.vip(), m.to(), now);
            case VipInput.DrainNode d -> drainNode(d.node(), true);
            case VipInput.UndrainNode u -> drainNode(u.node(), false);
            case VipInput.DrainDone d -> drainDone(d.vip(), now);
            case VipInput.AddressChanged a -> addressChanged(a.vip(), a.up(), now);
        }
        // And after: an applied write heard of late may have given a lease that has already run out.
        expire(now);
        events.forEach(e -> counts.merge(e, 1L, Long::sum));
        return new VipStep(effects, events);
    }

    /** Whether requests on {@code vip} may be answered now: the edge asks this before dispatching each one. */
    public boolean mayServe(VipId vip, Instant now) {
        return roles.get(vip) instanceof Role.Serving s && now.isBefore(leaseEnd(s.leaseFrom()));
    }

    /** The VIPs this machine has a role for. */
    public Set<VipId> known() {
        return Set.copyOf(roles.keySet());
    }

    /**
     * When this node's right to serve {@code vip} ends, on its monotonic clock, if it serves it: the edge keeps
     * the address's kernel lifetime inside it, so the address cannot outlive the lease even if nothing of this
     * node runs to remove it.
     */
    public Optional<Instant> leaseEnd(VipId vip) {
        return roles.get(vip) instanceof Role.Serving s ? Optional.of(leaseEnd(s.leaseFrom())) : Optional.empty();
    }

    /** The epoch this node serves {@code vip} under, if it serves it. */
    public Optional<Long> servingEpoch(VipId vip) {
        return roles.get(vip) instanceof Role.Serving s ? Optional.of(s.epoch()) : Optional.empty();
    }

    /** The row as this node last saw it. */
    public Optional<VipRecord> seen(VipId vip) {
        return Optional.ofNullable(table.row(vip));
    }

    /** What this node does with {@code vip}, for status output: watching, claiming, serving, draining, ... */
    public String phase(VipId vip) {
        return switch (roles.get(vip)) {
            case null -> "watching";
            case Role.Claiming c -> "claiming";
            case Role.Serving s -> s.pending() != null && s.pending().next().state() == VipState.RELEASING
                    ? "releasing" : "serving";
            case Role.Draining d -> "draining";
            case Role.HandingOff h -> "handing-off";
        };
    }

    public long count(VipEvent event) {
        return counts.getOrDefault(event, 0L);
    }

    public Map<VipEvent, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    private Instant leaseEnd(Instant leaseFrom) {
        return leaseFrom.plus(config.lease());
    }

    private void expire(Instant now) {
        for (VipId vip : List.copyOf(roles.keySet())) {
            Role role = roles.get(vip);
            switch (role) {
                case Role.Claiming c -> {
                    if (!now.isBefore(c.write().sentAt().plus(config.writeTimeout()))) {
                        roles.remove(vip);
                        events.add(CLAIM_ABANDONED);
                    }
                }
                case Role.Serving s -> {
                    if (!now.isBefore(leaseEnd(s.leaseFrom()))) {
                        drop(vip, LEASE_EXPIRED);
                    } else if (timedOut(s.pending(), now)) {
                        boolean release = s.pending().next().state() == VipState.RELEASING;
                        roles.put(vip, new Role.Serving(s.epoch(), s.leaseFrom(), null, release ? null : s.moveTo()));
                        events.add(release ? RELEASE_FAILED : RENEW_ABANDONED);
                    }
                }
                case Role.Draining d -> {
                    if (!now.isBefore(leaseEnd(d.leaseFrom()))) {
                        drop(vip, LEASE_EXPIRED);
                    }
                }
                case Role.HandingOff h -> {
                    if (!now.isBefore(leaseEnd(h.leaseFrom()))) {
                        drop(vip, LEASE_EXPIRED);
                    } else if (timedOut(h.pending(), now)) {
                        roles.put(vip, new Role.HandingOff(h.epoch(), h.leaseFrom(), h.target(), null));
                        events.add(HANDOFF_FAILED);
                    }
                }
            }
        }
    }

    private boolean timedOut(Write w, Instant now) {
        return w != null && !now.isBefore(w.sentAt().plus(config.writeTimeout()));
    }

    /** Leaves the VIP at once, undoing whatever of serving is still in place. */
    private void drop(VipId vip, VipEvent why) {
        Role role = roles.remove(vip);
        events.add(why);
        switch (role) {
            case Role.Claiming c -> {
            }
            case Role.Serving s -> {
                effects.add(new VipEffect.StopServing(vip));
                effects.add(new VipEffect.RemoveAddress(vip));
                effects.add(new VipEffect.CloseConnections(vip));
            }
            case Role.Draining d -> {
                effects.add(new VipEffect.RemoveAddress(vip));
                effects.add(new VipEffect.CloseConnections(vip));
            }
            case Role.HandingOff h -> effects.add(new VipEffect.CloseConnections(vip));
        }
    }

    private void observe(VipRecord record, Instant now, boolean read) {
        if (table.observe(record, now, read)) {
            reconcile(record, now);
        }
    }

    private void reconcile(VipRecord record, Instant now) {
        VipId vip = record.vip();
        switch (roles.get(vip)) {
            case null -> {
                if (record.state() == VipState.ACQUIRING && record.owner().equals(self)) {
                    accept(record, now);
                }
            }
            case Role.Claiming c -> {
                // Our own row, heard of: it waits for the write's result (see writeResult).
                if (!record.equals(c.write().next())) {
                    roles.remove(vip);
                    events.add(CLAIM_LOST);
                }
            }
            case Role.Serving s -> {
                // A pending renewal or release, heard of, still names us: it waits for the write's result.
                if (!record.names(self, s.epoch())) {
                    drop(vip, FENCED);
                }
            }
            case Role.Draining d -> {
                if (!record.names(self, d.epoch())) {
                    drop(vip, FENCED);
                }
            }
            case Role.HandingOff h -> {
                boolean ours = record.owner().equals(h.target()) && record.epoch() == h.epoch() + 1;
                if (ours) {
                    roles.remove(vip);
                    events.add(HANDOFF_DONE);
                    effects.add(new VipEffect.CloseConnections(vip));
                } else if (!record.names(self, h.epoch())) {
                    drop(vip, FENCED);
                }
            }
        }
    }

    /**
     * Only the write's own result makes a claim, renewal or release count. Hearing of our row from the table is not
     * enough: the member storing it tells its listeners before the write is known to be on a majority, and on the
     * cut-off side of a partition it may never get there (the table reports such a write as not applied), so a
     * lease counted from it could outlast the one the others wait out.
     */
    private void writeResult(VipInput.WriteResult result, Instant now) {
        VipRecord written = result.written();
        VipId vip = written.vip();
        if (result.applied()) {
            // A row we now know the table held: observed like any other, then it counts for the role that wrote it.
            observe(written, now, false);
            switch (roles.get(vip)) {
                case Role.Claiming c when c.write().next().equals(written) -> claimApplied(vip, c, now);
                case Role.Serving s when s.pending() != null && s.pending().next().equals(written) ->
                        servingWriteApplied(vip, s, now);
                case null, default -> {
                }
            }
            return;
        }
        switch (roles.get(vip)) {
            case Role.Claiming c when c.write().next().equals(written) -> {
                roles.remove(vip);
                events.add(CLAIM_LOST);
            }
            case Role.Serving s when s.pending() != null && s.pending().next().equals(written) -> {
                // The move stays asked for: the table held another row than this node's view (a read that
                // crossed a renewal) or the write was not confirmed; the next tick releases from the row read
                // back, if it still names this node, and a target no longer fit is dropped there.
                boolean release = written.state() == VipState.RELEASING;
                roles.put(vip, new Role.Serving(s.epoch(), s.leaseFrom(), null, s.moveTo()));
                events.add(release ? RELEASE_FAILED : RENEW_FAILED);
            }
            case Role.HandingOff h when h.pending() != null && h.pending().next().equals(written) -> {
                roles.put(vip, new Role.HandingOff(h.epoch(), h.leaseFrom(), h.target(), null));
                events.add(HANDOFF_FAILED);
            }
            case null, default -> {
                // The answer to a write given up on, or already settled by a table notification.
            }
        }
    }

    private void claimApplied(VipId vip, Role.Claiming c, Instant now) {
        roles.remove(vip);
        Instant leaseFrom = c.write().firstSent();
        if (!now.isBefore(leaseEnd(leaseFrom))) {
            // Paused between sending and hearing back: the others may already judge the row expired.
            events.add(CLAIM_TOO_LATE);
            return;
        }
        long epoch = c.write().next().epoch();
        roles.put(vip, new Role.Serving(epoch, leaseFrom, null, null));
        events.add(CLAIM_WON);
        effects.add(new VipEffect.AddAddress(vip));
        effects.add(new VipEffect.Announce(vip));
        if (c.afterCrash()) {
            effects.add(new VipEffect.SendTickles(vip));
        }
        effects.add(new VipEffect.StartServing(vip, epoch));
    }

    private void servingWriteApplied(VipId vip, Role.Serving s, Instant now) {
        Write w = s.pending();
        if (w.next().state() == VipState.RELEASING) {
            roles.put(vip, new Role.Draining(s.epoch(), w.firstSent(), w.next().target()));
            events.add(DRAIN_STARTED);
            effects.add(new VipEffect.StopServing(vip));
        } else {
            roles.put(vip, new Role.Serving(s.epoch(), w.firstSent(), null, s.moveTo()));
            events.add(RENEWED);
        }
    }

    private void accept(VipRecord acquiring, Instant now) {
        if (!quorum) {
            return;
        }
        send(new Role.Claiming(write(acquiring, acquiring.next(self, acquiring.epoch(), VipState.SERVING, null),
                now), false), CLAIM_SENT);
    }

    /**
     * A write to send, stamped with the time the same row was first sent. A retry with the same expected row
     * produces the very same row, so an applied row cannot tell which attempt stored it; the earliest send
     * is the only safe start for the lease (an attempt given up on may still land, and others start counting
     * from when they see it).
     */
    private Write write(VipRecord expected, VipRecord next, Instant now) {
        Write earlier = firstAttempts.get(next.vip());
        Instant first = earlier != null && earlier.next().equals(next) ? earlier.firstSent() : now;
        Write w = new Write(expected, next, now, first);
        firstAttempts.put(next.vip(), w);
        return w;
    }

    private void send(Role role, VipEvent event) {
        Write w = switch (role) {
            case Role.Claiming c -> c.write();
            case Role.Serving s -> s.pending();
            case Role.HandingOff h -> h.pending();
            case Role.Draining d -> throw new IllegalStateException("draining writes nothing");
        };
        roles.put(w.next().vip(), role);
        events.add(event);
        effects.add(w.effect());
    }

    private void quorum(boolean present) {
        if (quorum != present) {
            quorum = present;
            events.add(present ? QUORUM_REGAINED : QUORUM_LOST);
        }
    }

    private void members(Set<NodeId> alive, Instant now) {
        members.alive(alive, now);
        events.add(MEMBERS_CHANGED);
    }

    private void drainNode(NodeId node, boolean drain) {
        if (members.drain(node, drain)) {
            events.add(drain ? NODE_DRAIN_STARTED : NODE_UNDRAINED);
            if (node.equals(self)) {
                drainedReported = false;
            }
        }
    }

    private void moveRequested(VipId vip, NodeId to, Instant now) {
        if (!(roles.get(vip) instanceof Role.Serving s)) {
            return; // only the owner acts; every node may be told
        }
        if (s.moveTo() != null || to.equals(self)) {
            events.add(MOVE_IGNORED);
            return;
        }
        events.add(MOVE_REQUESTED);
        roles.put(vip, new Role.Serving(s.epoch(), s.leaseFrom(), s.pending(), to));
        act(vip, now);
    }

    private void drainDone(VipId vip, Instant now) {
        if (roles.get(vip) instanceof Role.Draining d) {
            events.add(DRAIN_DONE);
            effects.add(new VipEffect.RemoveAddress(vip));
            roles.put(vip, new Role.HandingOff(d.epoch(), d.leaseFrom(), d.target(), null));
            act(vip, now);
        }
    }

    private void addressChanged(VipId vip, boolean up, Instant now) {
        boolean holds = mayServe(vip, now) || roles.get(vip) instanceof Role.Draining;
        if (up && !holds) {
            events.add(ADDRESS_REMOVED_STRAY);
            effects.add(new VipEffect.RemoveAddress(vip));
        } else if (!up && mayServe(vip, now)) {
            events.add(ADDRESS_RESTORED);
            effects.add(new VipEffect.AddAddress(vip));
            effects.add(new VipEffect.Announce(vip));
        }
    }

    private void tick(Instant now) {
        if (quorum) {
            drainSelf();
            rebalance(now);
            claim(now);
        }
        for (VipId vip : List.copyOf(roles.keySet())) {
            act(vip, now);
        }
        if (!roles.isEmpty()) {
            drainedReported = false;
        } else if (members.draining(self) && !drainedReported) {
            drainedReported = true;
            events.add(NODE_DRAINED);
            effects.add(new VipEffect.NodeDrained(self));
        }
    }

    /** Sends the write a role is waiting to send, if any: a release, a renewal or a handoff. */
    private void act(VipId vip, Instant now) {
        if (!quorum) {
            return;
        }
        VipRecord row = table.row(vip);
        switch (roles.get(vip)) {
            case Role.Serving s when s.pending() == null && row != null && row.names(self, s.epoch()) -> {
                if (s.moveTo() != null) {
                    if (!members.candidate(s.moveTo()) || s.moveTo().equals(self)) {
                        roles.put(vip, new Role.Serving(s.epoch(), s.leaseFrom(), null, null));
                        events.add(MOVE_IGNORED);
                    } else {
                        Write w = write(row, row.next(self, s.epoch(), VipState.RELEASING, s.moveTo()), now);
                        send(s.withPending(w), RELEASE_SENT);
                    }
                } else if (!now.isBefore(s.leaseFrom().plus(config.renewEvery()))) {
                    send(s.withPending(write(row, row.next(self, s.epoch(), VipState.SERVING, null), now)),
                            RENEW_SENT);
                }
            }
            case Role.HandingOff h when h.pending() == null && row != null && row.names(self, h.epoch()) -> {
                NodeId target = members.candidate(h.target()) ? h.target()
                        : Placement.choose(members.candidates(self), config.preferred(vip), table.load())
                                .filter(n -> !n.equals(self)).orElse(h.target());
                Write w = write(row, row.next(target, h.epoch() + 1, VipState.ACQUIRING, null), now);
                send(new Role.HandingOff(h.epoch(), h.leaseFrom(), target, w), HANDOFF_SENT);
            }
            case null, default -> {
            }
        }
    }

    /** Claims FREE rows and rows whose owner went silent for lease + margin, where placement points here. */
    private void claim(Instant now) {
        Duration expiry = config.lease().plus(config.margin());
        for (Map.Entry<VipId, TableView.Seen> e : table.entries()) {
            VipRecord row = e.getValue().record();
            if (roles.containsKey(e.getKey())) {
                continue;
            }
            if (row.state() == VipState.ACQUIRING && row.owner().equals(self)) {
                accept(row, now);
                continue;
            }
            boolean free = row.state() == VipState.FREE;
            Duration silent = Duration.between(e.getValue().changedAt(), now);
            if (!free && silent.compareTo(expiry) < 0) {
                continue;
            }
            // The silent owner lost its lease, so it is no candidate (unless nobody else is).
            Set<NodeId> candidates = members.candidates(free ? null : row.owner());
            if (!candidates.contains(self)) {
                continue;
            }
            // The placed node goes first; if it does not act within another expiry, anyone may.
            boolean anyone = silent.compareTo(free ? expiry : expiry.multipliedBy(2)) >= 0;
            NodeId placed = Placement.choose(candidates, config.preferred(e.getKey()), table.load()).orElseThrow();
            if (anyone || placed.equals(self)) {
                send(new Role.Claiming(write(row, row.next(self, row.epoch() + 1, VipState.SERVING, null), now),
                        !free), CLAIM_SENT);
            }
        }
    }

    private void drainSelf() {
        if (!members.draining(self)) {
            return;
        }
        for (Map.Entry<VipId, Role> e : roles.entrySet()) {
            if (e.getValue() instanceof Role.Serving s && s.moveTo() == null && s.pending() == null) {
                Set<NodeId> others = members.candidates(self);
                others.remove(self);
                Optional<NodeId> to = Placement.choose(others, config.preferred(e.getKey()), table.load());
                to.ifPresent(n -> e.setValue(new Role.Serving(s.epoch(), s.leaseFrom(), null, n)));
            }
        }
    }

    /**
     * Moves one VIP from here to the least loaded stable member when this node holds at least two more: the
     * move cannot reverse itself (hysteresis), a freshly joined member must first stay up, and each node waits
     * a holdoff between moves.
     */
    private void rebalance(Instant now) {
        if (members.draining(self) || (lastRebalance != null
                && now.isBefore(lastRebalance.plus(config.rebalanceHoldoff())))) {
            return;
        }
        Map<NodeId, Integer> load = table.load();
        int mine = load.getOrDefault(self, 0);
        Optional<NodeId> lightest = members.candidates(self).stream()
                .filter(n -> !n.equals(self) && members.stable(n, now, config.memberStableFor()))
                .min((a, b) -> load.getOrDefault(a, 0) != load.getOrDefault(b, 0)
                        ? Integer.compare(load.getOrDefault(a, 0), load.getOrDefault(b, 0)) : a.compareTo(b));
        if (lightest.isEmpty() || mine - load.getOrDefault(lightest.get(), 0) < 2) {
            return;
        }
        for (Map.Entry<VipId, Role> e : roles.entrySet()) {
            if (e.getValue() instanceof Role.Serving s && s.moveTo() == null && s.pending() == null) {
                e.setValue(new Role.Serving(s.epoch(), s.leaseFrom(), null, lightest.get()));
                lastRebalance = now;
                events.add(REBALANCE_STARTED);
                return;
            }
        }
    }
}
