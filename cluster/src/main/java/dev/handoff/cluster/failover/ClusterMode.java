package dev.handoff.cluster.failover;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import dev.handoff.cluster.address.AddressException;
import dev.handoff.cluster.address.AddressManager;
import dev.handoff.cluster.address.TickleSender;
import dev.handoff.cluster.membership.ClusterMember;
import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.state.HazelcastLockStore;
import dev.handoff.cluster.state.HazelcastReplyCache;
import dev.handoff.cluster.state.SharedStateConfig;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipInput;
import dev.handoff.cluster.vip.VipRecord;
import dev.handoff.cluster.vip.VipState;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallGate;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node of a Handoff cluster: it joins (Hazelcast), holds the shared state the programs use (reply cache, lock
 * table), and moves VIPs with {@link VipController} and {@link HandoffStages}. Built in two steps because the
 * programs need the shared stores before the RPC server exists, and the VIPs need the RPC server:
 * {@link #join} then {@link #startVips}.
 */
public final class ClusterMode implements ClusterControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterMode.class);
    static final String DRAINING = HazelcastConfigs.PROTECTED_PREFIX + "draining";
    static final String HISTORY = HazelcastConfigs.PROTECTED_PREFIX + "history";
    static final String MOVES = HazelcastConfigs.PROTECTED_PREFIX + "moves";
    static final String FORMED = HazelcastConfigs.PROTECTED_PREFIX + "formed";
    static final String EXPORT_RELOADS = HazelcastConfigs.PROTECTED_PREFIX + "export-reloads";
    private static final Duration HISTORY_KEPT = Duration.ofHours(1);

    private final ClusterSettings settings;
    /** The shared reply cache's map and bounds, as this member configured them when it joined. */
    private final HazelcastReplyCache.Settings replyCacheSettings;
    private final VipController controller;
    private final ClusterNode node;
    private final List<java.util.function.Consumer<HandoffReport>> reportListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService background;
    private final List<HazelcastReplyCache> replyCaches = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ConnectionRecords connections;
    private AddressManager addresses;
    private LongSupplier locks = () -> 0;
    private RestartNotices notices;
    private GrantRelay grants;
    private BooleanSupplier grace = () -> false;

    private ClusterMode(ClusterSettings settings, HazelcastReplyCache.Settings replyCacheSettings,
                        VipController controller, ClusterNode node) {
        this.settings = settings;
        this.replyCacheSettings = replyCacheSettings;
        this.controller = controller;
        this.node = node;
    }

    /** Starts the cluster member and joins (or forms) the cluster. VIPs are not touched yet. */
    public static ClusterMode join(ClusterSettings settings) {
        return join(settings, HazelcastReplyCache.Settings.DEFAULT);
    }

    /** {@link #join(ClusterSettings)} with the shared reply cache bounded by {@code replyCache}. */
    public static ClusterMode join(ClusterSettings settings, HazelcastReplyCache.Settings replyCache) {
        VipController controller = new VipController(settings.cluster().nodeName(), settings.vipConfig());
        log.info("joining cluster '{}' as {} ({} members configured, quorum {})",
                settings.cluster().clusterName(), settings.cluster().nodeName(), settings.cluster().expectedSize(),
                settings.cluster().quorum());
        ClusterNode node = ClusterNode.start(settings.cluster(), controller::submit,
                c -> SharedStateConfig.apply(c, replyCache, Optional.of(HazelcastConfigs.SPLIT_BRAIN_PROTECTION)));
        ClusterMode mode = new ClusterMode(settings, replyCache, controller, node);
        try {
            // The shared stores refuse writes without a majority; a node that serves before it has one would
            // fail its first lock or non-idempotent call. Two members that formed clusters of their own while
            // starting together merge within the merge delay.
            mode.awaitQuorum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mode.close();
            throw new IllegalStateException("interrupted while waiting for quorum", e);
        }
        return mode;
    }

    private void awaitQuorum() throws InterruptedException {
        long lastSaid = System.nanoTime();
        while (!node.hasQuorum()) {
            if (System.nanoTime() - lastSaid > 5_000_000_000L) {
                log.info("waiting for quorum: {} of {} members present, {} needed; members are {}",
                        node.members().size(), settings.cluster().expectedSize(), settings.cluster().quorum(),
                        settings.cluster().discovery());
                lastSaid = System.nanoTime();
            }
            Thread.sleep(50);
        }
        log.info("joined with quorum: {} of {} members", node.members().size(), settings.cluster().expectedSize());
    }

    /**
     * Starts a witness: a member that holds its share of the shared state and counts for quorum, but never owns
     * a VIP (the third vote of a two-node cluster).
     */
    public static ClusterNode witness(dev.handoff.cluster.membership.ClusterConfig config) {
        return ClusterNode.start(config.withWitness(true), input -> {
        }, c -> SharedStateConfig.apply(c, HazelcastReplyCache.Settings.DEFAULT,
                Optional.of(HazelcastConfigs.SPLIT_BRAIN_PROTECTION)));
    }

    /** Whether this node sees a majority of the configured cluster size. */
    public boolean hasQuorum() {
        return node.hasQuorum();
    }

    public HazelcastInstance hazelcast() {
        return node.hazelcast();
    }

    /**
     * Calls that came in on a VIP run only while this node's lease on it lasts (see {@link CallGate}); calls on
     * any other local address always run.
     */
    public CallGate callGate() {
        Map<InetAddress, VipId> byAddress = vipsByAddress();
        return local -> {
            VipId vip = byAddress.get(local.getAddress());
            return vip == null || controller.leaseLasts(vip) ? null
                    : "this node's lease on " + vip.name() + " has ended";
        };
    }

    /** Each VIP by its address: what a call's or a callback's local address is a VIP of. */
    private Map<InetAddress, VipId> vipsByAddress() {
        Map<InetAddress, VipId> byAddress = new HashMap<>();
        settings.vips().forEach((vip, prefix) -> byAddress.put(prefix.address(), vip));
        return Map.copyOf(byAddress);
    }

    public ReplyCache replyCache(InstantSource clock) {
        HazelcastReplyCache cache = new HazelcastReplyCache(node.hazelcast(), replyCacheSettings, clock,
                settings.cluster().quorum());
        replyCaches.add(cache);
        return cache;
    }

    public LockStore lockStore() {
        return new HazelcastLockStore(node.hazelcast(), settings.cluster().quorum());
    }

    /**
     * What this start means for locks, decided once the member has quorum (a member alone cannot tell a fresh
     * cluster from being cut off). The first member of a cluster formed afresh names its incarnation; a member
     * that finds an incarnation other than the one it last saw (kept in {@code stateDir}) lost the locks its
     * clients held through it, since the shared table went with the cluster.
     *
     * @param formedHere the lock table is new: open the grace period
     * @param locksLost  this member's clients must be told to reclaim (NSM restart notices)
     */
    public record Incarnation(String id, boolean formedHere, boolean locksLost) {
    }

    public Incarnation incarnation(java.nio.file.Path stateDir) throws IOException {
        IMap<String, String> formed = node.hazelcast().getMap(FORMED);
        String fresh = java.util.UUID.randomUUID().toString();
        String current = formed.putIfAbsent("incarnation", fresh);
        boolean formedHere = current == null;
        String id = formedHere ? fresh : current;
        java.nio.file.Path file = stateDir.resolve("cluster-incarnation");
        String last = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file).strip() : "";
        java.nio.file.Files.writeString(file, id + "\n");
        Incarnation inc = new Incarnation(id, formedHere, !id.equals(last));
        log.info("cluster incarnation {}{}{}", id, formedHere ? ", formed by this node (new lock table)" : "",
                inc.locksLost() && !last.isEmpty() ? "; this node's earlier locks went with the previous one" : "");
        return inc;
    }

    /**
     * The status monitor's notices, routed to the owners of the VIPs they must leave from ({@link
     * RestartNotices}); owed only when this node's locks were lost.
     */
    public RestartNotices restartNotices(dev.handoff.nsm.notify.Notifier sender, boolean owed) {
        notices = new RestartNotices(node.hazelcast(), sender, owed,
                settings.vips().keySet().stream().map(VipId::name).collect(java.util.stream.Collectors.toSet()));
        return notices;
    }

    /**
     * NLM GRANTED callbacks routed to the owners of the VIPs they must leave from ({@link GrantRelay});
     * {@code sender} sends a pending grant from this node and answers whether it was still pending.
     */
    public GrantRelay grantRelay(BiPredicate<FileKey, Opaque> sender) {
        grants = new GrantRelay(node.hazelcast(), vipsByAddress(), sender);
        return grants;
    }

    /** Binds the VIPs' listeners, records their connections, and starts taking part in VIP ownership. */
    public void startVips(RpcServer rpc, AddressManager addressManager, LongSupplier lockCount,
                          BooleanSupplier inGrace) throws IOException {
        this.addresses = addressManager;
        this.locks = lockCount;
        this.grace = inGrace;
        Map<InetAddress, VipId> byAddress = vipsByAddress();
        connections = new ConnectionRecords(node.hazelcast(), node.self().name(),
                a -> Optional.ofNullable(byAddress.get(a)));
        rpc.connectionListener(connections);
        VipListeners listeners = new VipListeners(rpc);
        for (var prefix : settings.vips().values()) {
            listeners.ensureListening(prefix.address());
            // A VIP left up by a previous run of this node is not ours until the table says so.
            try {
                addressManager.remove(prefix);
            } catch (AddressException e) {
                log.warn("cannot clear {} left from before: {}", prefix, e.getMessage());
            }
        }
        TickleSender.warmUp();
        background = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vip-background")
                .daemon().factory());
        HandoffStages stages = new HandoffStages(node.self(), settings.vips(), listeners, addressManager,
                new TickleSender(2), connections, settings.order(), settings.drainDeadline(),
                controller::addressHold, controller::submit,
                this::reported, background, controller::row);
        if (notices != null) {
            RestartNotices n = notices;
            stages.onServing(n::serving);
        }
        // A WRITE still running when its VIP moves must not run again beside itself on the next owner.
        stages.onCallsOutlivingDrain(address -> replyCaches.forEach(c -> c.shareRunning(address)));
        if (grants != null) {
            stages.onServing(grants::serving);
        }
        if (!VipController.kernelCanExpire(settings.vipConfig())) {
            log.warn("lease {} ms and margin {} ms are too short for a kernel lifetime on the VIP addresses: they are "
                    + "added for good, and a node that stops without removing them keeps them until it restarts; "
                    + "use --lease-ms 1700 or more", settings.vipConfig().lease().toMillis(),
                    settings.vipConfig().margin().toMillis());
        }
        VipTable table = new HazelcastVipTable(node.hazelcast(), settings.cluster().quorum());
        table.seed(settings.vips().keySet(), node.self());
        table.listen(row -> controller.submit(new VipInput.TableChanged(List.of(row))));
        IMap<String, Boolean> draining = node.hazelcast().getMap(DRAINING);
        draining.addEntryListener((com.hazelcast.map.listener.EntryAddedListener<String, Boolean>)
                e -> controller.submit(new VipInput.DrainNode(new NodeId(e.getKey()))), false);
        draining.addEntryListener((com.hazelcast.map.listener.EntryRemovedListener<String, Boolean>)
                e -> controller.submit(new VipInput.UndrainNode(new NodeId(e.getKey()))), false);
        ITopic<String> moves = node.hazelcast().getTopic(MOVES);
        moves.addMessageListener(m -> {
            String[] parts = m.getMessageObject().split("\t");
            controller.submit(new VipInput.MoveRequested(new VipId(parts[0]), new NodeId(parts[1])));
        });
        Runnable refreshDrains = () -> {
            try {
                var names = draining.keySet();
                names.forEach(n -> controller.submit(new VipInput.DrainNode(new NodeId(n))));
                node.members().stream().map(ClusterMember::node).filter(n -> !names.contains(n.name()))
                        .forEach(n -> controller.submit(new VipInput.UndrainNode(n)));
            } catch (RuntimeException e) {
                log.debug("draining list not read: {}", e.toString());
            }
        };
        refreshDrains.run();
        // Seeding again with each refresh: a member that just joined may have its first writes refused for a
        // moment, and a VIP without a row would never be claimed.
        Runnable refresh = () -> {
            table.seed(settings.vips().keySet(), node.self());
            refreshDrains.run();
            if (notices != null) {
                notices.sendFiledForServed();
            }
            if (grants != null) {
                grants.sendFiledForServed();
            }
        };
        controller.attach(new VipController.Edge(table, stages, refresh, this::probeAddresses));
        log.info("taking part in VIP ownership for {} (handoff order {}, lease {} ms)", settings.vips().keySet(),
                settings.order().label(), settings.vipConfig().lease().toMillis());
    }

    /**
     * One export table for the whole cluster: {@code reloadHere} runs whenever another node's operator reloaded
     * the exports; call {@link #exportsReloaded} after a reload an operator asked for on this node.
     */
    public void shareExportReloads(Runnable reloadHere) {
        node.hazelcast().<String>getTopic(EXPORT_RELOADS).addMessageListener(m -> {
            if (!m.getMessageObject().equals(node.self().name())) {
                log.info("exports reloaded on {}: reloading here too", m.getMessageObject());
                reloadHere.run();
            }
        });
    }

    /** Tells the other nodes to reload their exports. */
    public void exportsReloaded() {
        try {
            node.hazelcast().<String>getTopic(EXPORT_RELOADS).publish(node.self().name());
        } catch (RuntimeException e) {
            log.warn("the other nodes were not told to reload their exports: {}", e.toString());
        }
    }

    /** Called with every finished move on this node: logged, shared for status, and given to listeners. */
    public void onReport(java.util.function.Consumer<HandoffReport> listener) {
        reportListeners.add(listener);
    }

    private void reported(HandoffReport r) {
        log.info("VIP {} {} {} -> {} epoch {} in {} ms {}", r.vip(), r.kind(), r.from(), r.to(), r.epoch(),
                String.format(java.util.Locale.ROOT, "%.1f", r.totalMs()), r.stagesMs());
        try {
            IMap<String, HandoffReport> history = node.hazelcast().getMap(HISTORY);
            history.setAsync(r.vip() + "|" + r.epoch() + "|" + r.node() + "|" + r.kind(), r,
                    HISTORY_KEPT.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.debug("handoff report not shared: {}", e.toString());
        }
        reportListeners.forEach(l -> l.accept(r));
    }

    private Map<VipId, Boolean> probeAddresses() {
        Map<VipId, Boolean> up = new TreeMap<>();
        settings.vips().forEach((vip, prefix) -> {
            try {
                up.put(vip, addresses.isUp(prefix.address()));
            } catch (AddressException e) {
                log.debug("cannot tell whether {} is up: {}", vip, e.getMessage());
            }
        });
        return up;
    }

    // ---- ClusterControl -------------------------------------------------------------------------------------

    @Override
    public ClusterStatus status() {
        Map<String, String> addressesByNode = node.memberAddresses();
        java.util.Set<String> drained = draining().keySet();
        List<ClusterStatus.Member> members = node.members().stream()
                .map(m -> new ClusterStatus.Member(m.node().name(), addressesByNode.getOrDefault(m.node().name(), ""),
                        m.witness(), drained.contains(m.node().name()), m.node().equals(node.self())))
                .sorted(Comparator.comparing(ClusterStatus.Member::name)).toList();
        Map<String, List<String>> clients = connections == null ? Map.of() : connections.clientsByVip();
        List<ClusterStatus.Vip> vips = controller.read(o -> settings.vips().keySet().stream().map(vip -> {
            Optional<VipRecord> row = o.seen(vip);
            return new ClusterStatus.Vip(vip.name(), row.map(r -> r.owner().name()).orElse(""),
                    row.map(VipRecord::epoch).orElse(0L), row.map(r -> r.state().name()).orElse("UNKNOWN"),
                    row.map(r -> r.target() == null ? "" : r.target().name()).orElse(""),
                    row.map(VipRecord::renewal).orElse(0L), o.phase(vip), controller.secondsSinceChange(vip),
                    clients.getOrDefault(vip.name(), List.of()));
        }).toList());
        List<HandoffReport> recent = new ArrayList<>();
        try {
            IMap<String, HandoffReport> history = node.hazelcast().getMap(HISTORY);
            recent.addAll(history.values());
        } catch (RuntimeException e) {
            log.debug("handoff history not read: {}", e.toString());
        }
        recent.sort(Comparator.comparing(HandoffReport::at).reversed());
        return new ClusterStatus(node.self().name(), true, node.hasQuorum(), settings.cluster().expectedSize(),
                members, vips, grace.getAsBoolean(), locks.getAsLong(), recent.subList(0, Math.min(20, recent.size())));
    }

    @Override
    public Outcome move(VipId vip, NodeId to) {
        if (!settings.vips().containsKey(vip)) {
            return Outcome.refused("unknown VIP " + vip + "; configured: " + settings.vips().keySet());
        }
        Optional<ClusterMember> target = node.member(to);
        if (target.isEmpty()) {
            return Outcome.refused(to + " is not a member now; members: "
                    + node.members().stream().map(m -> m.node().name()).toList());
        }
        if (target.get().witness()) {
            return Outcome.refused(to + " is a witness and never serves a VIP");
        }
        if (draining().containsKey(to.name())) {
            return Outcome.refused(to + " is draining; undrain it first (handoff node undrain " + to + ")");
        }
        Optional<VipRecord> row = controller.read(o -> o.seen(vip));
        if (row.isPresent() && row.get().owner().equals(to) && row.get().state() == VipState.SERVING) {
            return Outcome.accepted(vip + " is already served by " + to);
        }
        if (!node.hasQuorum()) {
            return Outcome.refused("no quorum: " + node.members().size() + " of " + settings.cluster().expectedSize()
                    + " members present; VIPs cannot move until a majority is back");
        }
        node.hazelcast().<String>getTopic(MOVES).publish(vip.name() + "\t" + to.name());
        return Outcome.accepted("asked the owner of " + vip + " to hand it to " + to);
    }

    @Override
    public Outcome drain(NodeId target, boolean drain) {
        try {
            if (drain) {
                if (node.member(target).isEmpty()) {
                    return Outcome.refused(target + " is not a member now");
                }
                draining().put(target.name(), true);
                return Outcome.accepted(target + " is draining: its VIPs move to the other nodes");
            }
            draining().remove(target.name());
            return Outcome.accepted(target + " may serve VIPs again");
        } catch (RuntimeException e) {
            return Outcome.refused("cannot record the drain (" + e.getMessage() + "); is there quorum?");
        }
    }

    private IMap<String, Boolean> draining() {
        return node.hazelcast().getMap(DRAINING);
    }

    /**
     * Hands the VIPs this node serves to others (up to {@code patience}) and stops taking part in VIP ownership,
     * so a restart costs clients a planned move rather than a lease expiry. The member stays in the cluster (the
     * programs still use the shared state) until {@link #close}.
     */
    public void handOffVips(Duration patience) {
        try {
            if (addresses != null && holdsAny()) {
                log.info("handing off this node's VIPs before leaving");
                drain(node.self(), true);
                long end = System.nanoTime() + patience.toNanos();
                while (holdsAny() && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                // Stop taking part before the mark goes, or a VIP could come straight back.
                controller.close();
                drain(node.self(), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("VIPs not handed off before leaving: {}", e.toString());
        }
        controller.close();
    }

    private boolean holdsAny() {
        return controller.read(o -> settings.vips().keySet().stream().anyMatch(v -> !o.phase(v).equals("watching")));
    }

    @Override
    public void close() {
        controller.close();
        if (addresses != null) {
            // Whatever is still up goes: the lease would expire anyway, and nobody must find it here after.
            settings.vips().values().forEach(p -> {
                try {
                    addresses.remove(p);
                } catch (AddressException e) {
                    log.warn("cannot remove {}: {}", p, e.getMessage());
                }
            });
        }
        if (background != null) {
            background.shutdownNow();
        }
        if (connections != null) {
            connections.close();
        }
        if (grants != null) {
            grants.close();
        }
        if (notices != null) {
            notices.close();
        }
        node.close();
    }
}
