package dev.handoff.cluster.failover;

import dev.handoff.cluster.address.AddressException;
import dev.handoff.cluster.address.AddressManager;
import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.address.SendResult;
import dev.handoff.cluster.address.TickleSender;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipEffect;
import dev.handoff.cluster.vip.VipEvent;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipInput;
import dev.handoff.cluster.vip.VipRecord;
import dev.handoff.cluster.vip.VipStep;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handoff of a VIP between two nodes, carried out (DESIGN.md §1). {@code VipOwnership} decides when each
 * step may happen (fencing: the new owner adds the address only after the old one reported its drain done or
 * its lease ran out); this class does the steps, in this order:
 * <pre>
 *   OLD OWNER                                        NEW OWNER
 *   Stage 1  stopServing: stop accepting on the VIP,
 *            stop taking requests, let in-flight
 *            calls reply (bounded by the deadline)
 *            [reset-first: RST the connections now]
 *            [fin: FIN the connections now]
 *            -> DrainDone
 *   Stage 2  removeAddress; the row becomes
 *            ACQUIRING(new owner, epoch + 1)  ------->  claims it: SERVING(new owner, epoch + 1)
 *                                                     addAddress (its listener is already bound)
 *                                                     announce (gratuitous ARP / unsolicited NA)
 *                                                     [tickle: ACK every recorded connection, so the
 *                                                      clients get an RST from here and reconnect at once]
 *                                                     startServing
 *   Stage 3  sees the new row: closeConnections
 *            resets whatever is left
 * </pre>
 * A crash takeover is the new owner's column alone, after the old lease ran out, always with tickles. A node
 * that loses its lease (cut off, paused) does its column at once and without waiting: stop, remove, reset.
 *
 * <p>Why the connections must be ended at all: a request the old node read but will not answer, or one its
 * kernel acknowledged but nobody read, leaves the Linux client waiting out {@code timeo} (60 s) on a
 * connection that looks healthy. An RST makes it retransmit at once on a new connection; the shared reply
 * cache answers a retransmit of a call that did run.
 *
 * <p>Threads: {@link #carryOut} runs on the controller's thread; the drain completes on a Netty thread and
 * reports back through the inbox.
 */
final class HandoffStages {
    private static final Logger log = LoggerFactory.getLogger(HandoffStages.class);

    private final NodeId self;
    private final Map<VipId, IpPrefix> addresses;
    private final VipListeners listeners;
    private final AddressManager addressManager;
    private final TickleSender tickles;
    private final ConnectionRecords connections;
    private final HandoffOrder order;
    private final Duration drainDeadline;
    private final Consumer<VipInput> inbox;
    private final Consumer<HandoffReport> reports;
    private final ScheduledExecutorService background;
    private final Function<VipId, Optional<VipRecord>> rows;
    /**
     * How long the kernel may keep a VIP's address from now, worked out right before each command that sets it
     * ({@link VipController#addressHold}).
     */
    private final Function<VipId, Duration> holdFor;
    /**
     * Held around every address command with the lifetime it computes: a renewal's hold, which runs on the
     * background thread, must not put back an address that the lease's end has just removed.
     */
    private final Object addressCommands = new Object();
    /** VIPs whose AddAddress was skipped in this step: not announced either. */
    private final java.util.Set<VipId> notPutUp = new java.util.HashSet<>();
    private final Map<VipId, Timeline> moving = new HashMap<>();
    /** Per VIP, the owner before the current one: where an arriving VIP comes from. */
    private final Map<VipId, NodeId> owners = new HashMap<>();
    private final Map<VipId, NodeId> previousOwners = new HashMap<>();

    HandoffStages(NodeId self, Map<VipId, IpPrefix> addresses, VipListeners listeners, AddressManager addressManager,
                  TickleSender tickles, ConnectionRecords connections, HandoffOrder order, Duration drainDeadline,
                  Function<VipId, Duration> holdFor, Consumer<VipInput> inbox, Consumer<HandoffReport> reports,
                  ScheduledExecutorService background,
                  Function<VipId, Optional<VipRecord>> rows) {
        this.self = self;
        this.addresses = Map.copyOf(addresses);
        this.listeners = listeners;
        this.addressManager = addressManager;
        this.tickles = tickles;
        this.connections = connections;
        this.order = order;
        this.drainDeadline = drainDeadline;
        this.holdFor = holdFor;
        this.inbox = inbox;
        this.reports = reports;
        this.background = background;
        this.rows = rows;
    }

    /** Told when this node starts and stops serving a VIP (stage 1 of a departure counts as stopped). */
    private final List<java.util.function.BiConsumer<VipId, Boolean>> servingListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    void onServing(java.util.function.BiConsumer<VipId, Boolean> listener) {
        servingListeners.add(listener);
    }

    /**
     * Told the VIP's address when a planned move's drain deadline passed with calls still running, before the
     * address moves. Not after a lost lease: the cluster may be out of reach then, and the address must go at once.
     */
    private final List<Consumer<java.net.InetAddress>> outlivedDrain =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    void onCallsOutlivingDrain(Consumer<java.net.InetAddress> listener) {
        outlivedDrain.add(listener);
    }

    /** Notes each row the controller hears of, to name where a VIP arriving here comes from. */
    void rowSeen(VipRecord row) {
        NodeId before = owners.put(row.vip(), row.owner());
        if (before != null && !before.equals(row.owner())) {
            previousOwners.put(row.vip(), before);
        }
    }

    /** Carries out one step's effects in order (writes to the table are the controller's). */
    void carryOut(VipStep step) {
        boolean lost = step.events().contains(VipEvent.LEASE_EXPIRED) || step.events().contains(VipEvent.FENCED);
        boolean crash = step.effects().stream().anyMatch(e -> e instanceof VipEffect.SendTickles);
        boolean tickled = false;
        for (VipEffect effect : step.effects()) {
            switch (effect) {
                case VipEffect.WriteRecord w -> {
                }
                case VipEffect.StopServing s -> stopServing(s.vip(), lost);
                case VipEffect.RemoveAddress r -> removeAddress(r.vip());
                case VipEffect.CloseConnections c -> closeConnections(c.vip());
                case VipEffect.AddAddress a -> addAddress(a.vip(), crash);
                case VipEffect.Announce a -> announce(a.vip());
                case VipEffect.SendTickles t -> {
                    tickle(t.vip());
                    tickled = true;
                }
                case VipEffect.StartServing s -> {
                    if (order == HandoffOrder.TICKLE && !tickled) {
                        tickle(s.vip());
                    }
                    startServing(s.vip(), s.epoch());
                }
                case VipEffect.NodeDrained d -> log.info("node {} holds no VIP any more (drained)", d.node());
            }
        }
    }

    // ---- Stage 1, old owner ----------------------------------------------------------------------------------

    private void stopServing(VipId vip, boolean lost) {
        VipRecord row = rows.apply(vip).orElse(null);
        String to = row != null && row.target() != null ? row.target().name() : "";
        // A planned move is known by the epoch it creates (the new owner's), a lost lease by the one it ended.
        long epoch = row == null ? -1 : lost ? row.epoch() : row.epoch() + 1;
        Timeline t = new Timeline(vip.name(), lost ? "fenced" : "handoff", self.name(), to, epoch);
        moving.put(vip, t);
        // From here on, connections that close leave their records for the next owner to tickle.
        connections.serving(vip, false);
        servingListeners.forEach(l -> l.accept(vip, false));
        log.info("VIP {}: stage 1 (stop accepting, drain) {}", vip, lost ? "after losing the lease" : "for " + to);
        // The rest runs on the background thread, never on the Netty thread that completes the drain: ending
        // connections may bind a fresh listener, which blocks.
        listeners.drain(address(vip), drainDeadline).whenCompleteAsync((idle, err) -> {
            try {
                t.stage("drain");
                if (!Boolean.TRUE.equals(idle)) {
                    log.warn("VIP {}: calls still running after the {} ms drain deadline; their connections are "
                            + "reset", vip, drainDeadline.toMillis());
                    if (!lost) {
                        outlivedDrain.forEach(l -> l.accept(address(vip)));
                    }
                }
                if (!lost) {
                    endConnectionsBeforeMove(vip, t);
                }
            } catch (RuntimeException e) {
                log.error("VIP {}: ending connections before the move failed", vip, e);
            } finally {
                // Always: the machine waits for it to move the address on (or the lease ends the wait).
                inbox.accept(new VipInput.DrainDone(vip));
            }
        }, background);
    }

    /** The connection ending that the chosen order puts before the address moves (none for tickle). */
    private void endConnectionsBeforeMove(VipId vip, Timeline t) {
        try {
            switch (order) {
                case TICKLE -> {
                }
                case RESET_FIRST -> {
                    // No fresh listener yet: the address is still here, and a client reconnecting at once would
                    // be accepted by it and then left unanswered when the address goes. Stage 3 binds one.
                    listeners.reset(address(vip));
                    t.stage("reset");
                }
                case FIN -> {
                    listeners.halfClose(address(vip)).join();
                    t.stage("fin");
                }
            }
        } catch (RuntimeException e) {
            log.warn("VIP {}: ending connections failed: {}", vip, e.toString());
        }
    }

    // ---- Stage 2, old owner: the address goes --------------------------------------------------------------

    private void removeAddress(VipId vip) {
        try {
            synchronized (addressCommands) {
                addressManager.remove(addresses.get(vip));
            }
        } catch (AddressException e) {
            // Fencing still holds (the row no longer names us), but a neighbour may keep sending here.
            log.error("VIP {}: cannot remove the address: {}", vip, e.getMessage());
        }
        Timeline t = moving.get(vip);
        if (t != null) {
            t.stage("address-remove");
            t.skipWait();
        }
        log.info("VIP {}: stage 2 address removed", vip);
    }

    // ---- Stage 2, new owner: the address arrives and serving begins --------------------------------------

    private void addAddress(VipId vip, boolean crash) {
        VipRecord row = rows.apply(vip).orElse(null);
        NodeId from = previousOwners.get(vip);
        Timeline t = new Timeline(vip.name(), crash ? "takeover" : "acquire", from == null ? "" : from.name(),
                self.name(), row == null ? -1 : row.epoch());
        moving.put(vip, t);
        try {
            listeners.ensureListening(address(vip));
            if (hold(vip)) {
                notPutUp.remove(vip);
            } else {
                // Too little lease left for a kernel lifetime (a restore late in a lease): the next renewal puts
                // it up.
                log.warn("VIP {}: address not put up, the lease ends too soon", vip);
                notPutUp.add(vip);
            }
        } catch (IOException | AddressException e) {
            log.error("VIP {}: cannot bring the address up: {}", vip, e.getMessage());
        }
        t.stage("address-add");
    }

    private void announce(VipId vip) {
        if (notPutUp.contains(vip)) {
            return; // announcing an address that is not up would draw its traffic here, to be dropped
        }
        SendResult first = addressManager.announce(address(vip));
        Timeline t = moving.get(vip);
        if (t != null) {
            t.stage("announce");
        }
        if (!(first instanceof SendResult.Sent)) {
            log.warn("VIP {}: not announced ({}); neighbours learn the move when their ARP entries expire", vip,
                    first);
            return;
        }
        // Two more, in case the first was lost; off this thread so serving does not wait for them.
        for (int i = 1; i <= 2; i++) {
            background.schedule(() -> addressManager.announce(address(vip)), 100L * i, TimeUnit.MILLISECONDS);
        }
    }

    private void tickle(VipId vip) {
        Timeline t = moving.get(vip);
        List<String> records = connections.stale(vip);
        List<TickleSender.Connection> recorded = ConnectionRecords.connections(records).stream()
                .filter(c -> c.server().getAddress().equals(address(vip))).toList();
        SendResult sent = recorded.isEmpty() ? new SendResult.Sent(0) : tickles.send(recorded);
        if (t != null) {
            t.stage("tickle");
        }
        if (sent instanceof SendResult.Sent) {
            connections.forget(vip, records);
            log.info("VIP {}: tickled {} recorded client connections", vip, recorded.size());
        } else {
            log.warn("VIP {}: clients not tickled ({}); they reconnect when their next request times out", vip,
                    sent);
        }
    }

    private void startServing(VipId vip, long epoch) {
        connections.serving(vip, true);
        servingListeners.forEach(l -> l.accept(vip, true));
        Timeline t = moving.remove(vip);
        log.info("VIP {}: serving under epoch {}", vip, epoch);
        if (t != null) {
            reports.accept(t.report(self.name(), "serving"));
        }
    }

    /**
     * After a renewal: the addresses of the VIPs still served get a fresh kernel lifetime (shorter than the
     * lease), so that if this process dies with them up, the kernel drops them before anyone takes over.
     * Off the controller's thread: a renewal must not wait for {@code ip}.
     */
    void renewAddresses(List<VipId> served) {
        background.execute(() -> served.forEach(vip -> {
            try {
                hold(vip);
            } catch (AddressException e) {
                log.warn("VIP {}: address lifetime not renewed: {}", vip, e.getMessage());
            }
        }));
    }

    /**
     * Puts the address up, or keeps it up, for the lifetime the lease allows at this moment: computed here, right
     * before the command, so that a thread that ran late cannot give the address a lifetime reaching past the
     * lease. False when the lease allows none (ended, or too close to its end).
     */
    private boolean hold(VipId vip) throws AddressException {
        synchronized (addressCommands) {
            Duration hold = holdFor.apply(vip);
            if (hold.isZero()) {
                return false;
            }
            addressManager.hold(addresses.get(vip), hold);
            return true;
        }
    }

    // ---- Stage 3, old owner: what is left is reset -----------------------------------------------------------

    private void closeConnections(VipId vip) {
        int reset = 0;
        try {
            reset = listeners.resetAndRebind(address(vip));
        } catch (IOException e) {
            log.error("VIP {}: cannot listen again for a later arrival: {}", vip, e.getMessage());
        }
        Timeline t = moving.remove(vip);
        if (t != null) {
            t.stage("close");
            HandoffReport r = t.report(self.name(), "done");
            reports.accept(r);
        }
        log.info("VIP {}: stage 3 closed, {} connections reset", vip, reset);
    }

    private java.net.InetAddress address(VipId vip) {
        return addresses.get(vip).address();
    }
}
