package dev.handoff.cluster.failover;

import dev.handoff.cluster.address.AddressManager;
import dev.handoff.cluster.address.LinuxAddressManager;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipConfig;
import dev.handoff.cluster.vip.VipEffect;
import dev.handoff.cluster.vip.VipEvent;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipInput;
import dev.handoff.cluster.vip.VipOwnership;
import dev.handoff.cluster.vip.VipRecord;
import dev.handoff.cluster.vip.VipStep;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge around {@link VipOwnership}: one thread feeds it inputs (ticks, table rows, write results, member
 * lists, operator requests, drain completions) with the node's monotonic time, and carries out its effects in
 * order: table writes go to a writer thread per VIP and come back as {@link VipInput.WriteResult}; everything else goes
 * to {@link HandoffStages}. Nothing here decides anything about ownership.
 */
final class VipController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VipController.class);
    static final Duration TICK = Duration.ofMillis(250);
    /** How often the whole table and the addresses are re-read, so a missed notification heals. */
    static final int REFRESH_EVERY_TICKS = 8;
    private static final Set<VipEvent> LOGGED = EnumSet.of(VipEvent.CLAIM_SENT, VipEvent.CLAIM_LOST,
            VipEvent.CLAIM_ABANDONED, VipEvent.CLAIM_WON, VipEvent.CLAIM_TOO_LATE,
            VipEvent.LEASE_EXPIRED, VipEvent.FENCED, VipEvent.MOVE_REQUESTED, VipEvent.MOVE_IGNORED,
            VipEvent.RELEASE_FAILED, VipEvent.HANDOFF_FAILED, VipEvent.REBALANCE_STARTED,
            VipEvent.ADDRESS_RESTORED, VipEvent.ADDRESS_REMOVED_STRAY, VipEvent.QUORUM_LOST, VipEvent.QUORUM_REGAINED,
            VipEvent.NODE_DRAIN_STARTED, VipEvent.NODE_UNDRAINED, VipEvent.NODE_DRAINED);

    private final NodeId self;
    private final VipConfig config;
    private final VipOwnership ownership;
    private final ScheduledExecutorService loop;
    /** Re-reads of the table, the drain marks and the addresses, every few ticks. */
    private final ExecutorService refresher;
    /**
     * Table writes, one thread per VIP: a write waits for the member that owns its row's partition, and when that
     * member is frozen it waits until the cluster drops it. Writes of other VIPs (their renewals) must not queue
     * behind it, or a pause of one node costs healthy owners their leases.
     */
    private final Map<VipId, ExecutorService> writers = new ConcurrentHashMap<>();
    private final long originNanos = System.nanoTime();
    /** Per VIP, when (monotonic) this node last saw its row change, for status. */
    private final Map<VipId, Long> changedAtNanos = new HashMap<>();
    private final Map<VipId, Long> renewals = new HashMap<>();
    private volatile Edge edge;
    private long ticks;
    /**
     * Per VIP this node serves, when (System.nanoTime) its lease ends, republished after every step; read by
     * {@link #leaseLasts} on the call path without waiting for the controller's thread.
     */
    private final Map<VipId, Long> leaseEndNanos = new ConcurrentHashMap<>();

    /** What the controller drives once the node has joined: the table, the stages and the re-reads. */
    record Edge(VipTable table, HandoffStages stages, Runnable refreshDrains, AddressProbe addresses) {
        // refreshDrains: re-seeds missing rows and re-reads the draining marks, off the controller's thread
    }

    /** Whether each VIP's address is on this node's interface now (read off the controller's thread). */
    interface AddressProbe {
        Map<VipId, Boolean> probe();
    }

    VipController(NodeId self, VipConfig config) {
        this.self = self;
        this.config = config;
        this.loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vip-controller")
                .daemon().factory());
        this.refresher = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("vip-table-refresh").daemon()
                .factory());
        this.ownership = new VipOwnership(self, config, now());
    }

    /** Starts acting: from here on effects are carried out and the clock ticks. */
    void attach(Edge edge) {
        this.edge = edge;
        submit(new VipInput.TableRead(edge.table().rows()));
        loop.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues an input; safe from any thread (Hazelcast listeners, Netty, the admin API). */
    void submit(VipInput input) {
        if (!loop.isShutdown()) {
            loop.execute(() -> step(input));
        }
    }

    private ExecutorService writerOf(VipId vip) {
        return writers.computeIfAbsent(vip, v -> Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("vip-table-writer-" + v.name()).daemon().factory()));
    }

    /** Runs {@code read} on the controller's thread, where the machine may be read. */
    <T> T read(java.util.function.Function<VipOwnership, T> read) {
        if (loop.isShutdown()) {
            // Stopped: nothing changes the machine any more, so reading it here is safe.
            return read.apply(ownership);
        }
        try {
            return CompletableFuture.supplyAsync(() -> read.apply(ownership), loop).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the VIP controller did not answer: " + e, e);
        }
    }

    /**
     * How long the kernel may keep {@code vip}'s address, counted from now; safe from any thread, and meant to be
     * called right before the address command runs (a lifetime worked out earlier and applied later would end
     * later than it should). {@link Duration#ZERO} when this node's lease on {@code vip} does not last, or when
     * not even a whole second fits; {@link AddressManager#FOREVER} when the timing leaves no room for a kernel
     * lifetime at all ({@link #kernelCanExpire}).
     */
    Duration addressHold(VipId vip) {
        Long end = leaseEndNanos.get(vip);
        long now = System.nanoTime();
        if (end == null || now - end >= 0) {
            return Duration.ZERO;
        }
        return kernelCanExpire(config)
                ? addressHold(Duration.ofNanos(end - now), config.margin())
                : AddressManager.FOREVER;
    }

    /**
     * The kernel lifetime for an address whose owner's lease has {@code leaseLeft} to run: whole seconds that,
     * even with the kernel's lateness, end before another node may add the address. Others take over no sooner
     * than a lease plus the margin after they saw the row this lease counts from, and that was no sooner than
     * this node sent it; so the address must be gone by lease end + margin, whatever this process does then
     * (paused, starved, cut off).
     */
    static Duration addressHold(Duration leaseLeft, Duration margin) {
        Duration room = leaseLeft.plus(margin).minus(LinuxAddressManager.EXPIRY_LATENESS);
        return Duration.ofSeconds(Math.max(0, room.toSeconds()));
    }

    /**
     * Whether a kernel lifetime can back this node's leases: right after a renewal the address must get at least a
     * second, and still be up when the next renewal comes. Lease and margin shorter than that (tests use 1.5 s)
     * leave only the process to remove the address.
     */
    static boolean kernelCanExpire(VipConfig config) {
        Duration afterRenewal = addressHold(config.lease(), config.margin());
        return afterRenewal.compareTo(Duration.ofSeconds(1)) >= 0 && afterRenewal.compareTo(config.renewEvery()) > 0;
    }

    /**
     * Whether this node's lease on {@code vip} lasts at this instant (monotonic clock), as of the controller's
     * last step. Safe from any thread; false for a VIP this node does not serve.
     */
    boolean leaseLasts(VipId vip) {
        Long end = leaseEndNanos.get(vip);
        return end != null && System.nanoTime() - end < 0;
    }

    private void publishLeases() {
        leaseEndNanos.keySet().removeIf(vip -> ownership.leaseEnd(vip).isEmpty());
        for (VipId vip : ownership.known()) {
            ownership.leaseEnd(vip).ifPresent(end ->
                    leaseEndNanos.put(vip, originNanos + Duration.between(Instant.EPOCH, end).toNanos()));
        }
    }

    /** Seconds since this node saw {@code vip}'s row change; call on the controller's thread. */
    double secondsSinceChange(VipId vip) {
        Long at = changedAtNanos.get(vip);
        return at == null ? -1 : (System.nanoTime() - at) / 1e9;
    }

    private void tick() {
        Edge e = edge;
        if (++ticks % REFRESH_EVERY_TICKS == 0 && e != null) {
            refresher.execute(() -> {
                try {
                    submit(new VipInput.TableRead(e.table().rows()));
                    e.refreshDrains().run();
                    e.addresses().probe().forEach((vip, up) -> submit(new VipInput.AddressChanged(vip, up)));
                } catch (RuntimeException ex) {
                    // The member is stopping or cut off; the next refresh tries again.
                    log.debug("refresh failed: {}", ex.toString());
                }
            });
        }
        step(new VipInput.Tick());
    }

    private void step(VipInput input) {
        try {
            Edge e = edge;
            switch (input) {
                case VipInput.TableChanged t -> t.records().forEach(r -> seen(r, e));
                case VipInput.TableRead t -> t.records().forEach(r -> seen(r, e));
                case VipInput.WriteResult w when w.applied() -> seen(w.written(), e);
                default -> {
                }
            }
            VipStep step = ownership.on(input, now());
            publishLeases();
            for (VipEvent event : step.events()) {
                if (LOGGED.contains(event)) {
                    log.info("{} ({})", event.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                            describe(input));
                }
            }
            if (e == null) {
                if (!step.effects().isEmpty()) {
                    log.warn("effects before the node joined, ignored: {}", step.effects());
                }
                return;
            }
            e.stages().carryOut(step);
            if (step.events().contains(VipEvent.RENEWED)) {
                Instant now = now();
                e.stages().renewAddresses(changedAtNanos.keySet().stream()
                        .filter(vip -> ownership.mayServe(vip, now)).toList());
            }
            for (VipEffect effect : step.effects()) {
                if (effect instanceof VipEffect.WriteRecord w) {
                    writerOf(w.next().vip()).execute(() -> write(e.table(), w));
                }
            }
        } catch (RuntimeException ex) {
            // One bad input must not stop the loop: leases would then run out with nobody noticing.
            log.error("VIP controller failed on {}", input, ex);
        }
    }

    /**
     * One table write, on the VIP's writer thread. A write that did not apply is followed by a read of the row:
     * the machine's view was not what the table holds, and waiting for the next periodic read would cost a claim
     * or a renewal that much longer.
     */
    private void write(VipTable table, VipEffect.WriteRecord w) {
        boolean applied = table.compareAndSet(w.expected(), w.next());
        submit(new VipInput.WriteResult(w.next(), applied));
        if (!applied) {
            try {
                table.row(w.next().vip()).ifPresent(row -> submit(new VipInput.TableRead(List.of(row))));
            } catch (RuntimeException ex) {
                log.debug("VIP row {} not read back: {}", w.next().vip(), ex.toString());
            }
        }
    }

    private void seen(VipRecord row, Edge e) {
        Long before = renewals.put(row.vip(), row.renewal());
        if (before == null || before != row.renewal()) {
            changedAtNanos.put(row.vip(), System.nanoTime());
        }
        if (e != null) {
            e.stages().rowSeen(row);
        }
    }

    private static String describe(VipInput input) {
        return switch (input) {
            case VipInput.TableChanged t -> t.records().size() == 1 ? "row " + t.records().getFirst() : "rows";
            case VipInput.TableRead t -> t.records().size() == 1 ? "row read " + t.records().getFirst() : "table read";
            case VipInput.WriteResult w -> (w.applied() ? "wrote " : "write failed: ") + w.written();
            default -> input.toString();
        };
    }

    /** The node's monotonic time as an Instant (never the wall clock: leases must not jump with NTP). */
    private Instant now() {
        return Instant.EPOCH.plusNanos(System.nanoTime() - originNanos);
    }

    NodeId self() {
        return self;
    }

    Optional<VipRecord> row(VipId vip) {
        return ownership.seen(vip);
    }

    @Override
    public void close() {
        loop.shutdownNow();
        refresher.shutdownNow();
        writers.values().forEach(ExecutorService::shutdownNow);
    }
}
