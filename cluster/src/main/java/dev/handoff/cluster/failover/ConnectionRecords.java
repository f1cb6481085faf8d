package dev.handoff.cluster.failover;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import dev.handoff.cluster.address.TickleSender;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.rpc.transport.ConnectionInfo;
import dev.handoff.rpc.transport.ConnectionListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live client connections of every VIP, shared: recorded as each one opens and forgotten as it closes
 * (DESIGN.md §5), so the node that takes a VIP over after a crash knows whom to tickle. One multimap entry per
 * VIP keeps a VIP's connections in one partition: reading them is one round trip, not a query over the cluster.
 * Writes go through one thread of their own, so a connection's first request never waits for the cluster.
 *
 * <p>Each record names the node and a sequence number besides the two addresses. The Linux client reconnects
 * from the same port, so after a move the new owner's connection has the same addresses as the old owner's;
 * without the node and number, the old owner forgetting its closed connection would erase the new one's
 * record, and the next move would not tickle that client (measured: a 60 s stall).
 *
 * <p>A node forgets the record of a closed connection only while it serves the VIP. Closed during or after a
 * departure (stage 3 resets them while the new owner is already tickling), the records stay for the new owner,
 * which tickles every record not of a connection live on it, and then forgets them.
 */
public final class ConnectionRecords implements ConnectionListener, AutoCloseable {
    public static final String MAP = HazelcastConfigs.PROTECTED_PREFIX + "connections";
    /** Longest wait for the records at a takeover; the map answers in a few ms when its members are alive. */
    static final Duration READ_WAIT = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(ConnectionRecords.class);

    private final MultiMap<String, String> map;
    /** The VIP a local address is, if it is one; connections to the node's own address are not recorded. */
    private final Function<InetAddress, Optional<VipId>> vipOf;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("connection-records").daemon().factory());
    /** Reads for {@link #stale}: a read that waits on a frozen member must not hold up the caller's thread. */
    private final ExecutorService reader = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("connection-records-read").daemon().factory());
    private final String node;
    private final AtomicLong sequence = new AtomicLong();
    /** This node's records of its open connections, by their two addresses, oldest first. */
    private final Map<String, Deque<String>> mine = new ConcurrentHashMap<>();
    /** VIPs this node serves now. */
    private final java.util.Set<VipId> served = ConcurrentHashMap.newKeySet();

    public ConnectionRecords(HazelcastInstance hz, String node, Function<InetAddress, Optional<VipId>> vipOf) {
        this.map = hz.getMultiMap(MAP);
        this.node = node;
        this.vipOf = vipOf;
    }

    @Override
    public void opened(ConnectionInfo c) {
        vipOf.apply(c.local().getAddress()).ifPresent(vip -> {
            String entry = addresses(c) + "|" + node + "|" + sequence.incrementAndGet();
            mine.computeIfAbsent(addresses(c), k -> new ConcurrentLinkedDeque<>()).add(entry);
            write(() -> map.put(vip.name(), entry));
        });
    }

    @Override
    public void closed(ConnectionInfo c) {
        vipOf.apply(c.local().getAddress()).ifPresent(vip -> {
            Deque<String> entries = mine.get(addresses(c));
            String entry = entries == null ? null : entries.poll();
            if (entries != null && entries.isEmpty()) {
                mine.remove(addresses(c), entries);
            }
            if (entry != null && served.contains(vip)) {
                write(() -> map.remove(vip.name(), entry));
            }
        });
    }

    /** Every connection recorded for {@code vip}, by any node (each pair of addresses once). */
    public List<TickleSender.Connection> of(VipId vip) {
        return connections(new ArrayList<>(map.get(vip.name())));
    }

    /** The connections {@code records} name, each pair of addresses once. */
    public static List<TickleSender.Connection> connections(List<String> records) {
        return records.stream().map(ConnectionRecords::parse).distinct().toList();
    }

    /** Whether this node serves {@code vip} now (from stage 1 of a departure on, it does not). */
    public void serving(VipId vip, boolean serving) {
        if (serving) {
            served.add(vip);
        } else {
            served.remove(vip);
        }
    }

    /**
     * The records of {@code vip} but those of connections live on this node: what a node taking the VIP over
     * tickles, and then {@link #forget}s. They are the old owner's, or this node's own from an earlier time it
     * served the VIP.
     */
    public List<String> stale(VipId vip) {
        return stale(vip, READ_WAIT);
    }

    /**
     * As {@link #stale(VipId)}, waiting at most {@code wait} for the shared map. The caller is the VIP controller's
     * thread in the middle of a takeover: when a member holding the records' partition is frozen, Hazelcast waits
     * for it up to its call timeout (a minute), and the controller would stop renewing every other lease and
     * noticing its own expire. After {@code wait} the takeover goes on without tickles (the clients reconnect when
     * their next request times out).
     */
    List<String> stale(VipId vip, Duration wait) {
        java.util.Set<String> live = new java.util.HashSet<>();
        mine.values().forEach(live::addAll);
        Future<List<String>> all;
        try {
            all = reader.submit(() -> List.copyOf(map.get(vip.name())));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return List.of();
        }
        try {
            return all.get(wait.toMillis(), TimeUnit.MILLISECONDS).stream().filter(e -> !live.contains(e)).toList();
        } catch (TimeoutException e) {
            all.cancel(true);
            log.warn("VIP {}: the connection records did not come within {} ms; not tickling", vip, wait.toMillis());
            return List.of();
        } catch (ExecutionException e) {
            log.warn("VIP {}: the connection records could not be read: {}", vip, e.getCause().toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Forgets records of {@code vip} whose connections the tickles have reset (their node is gone or closed them). */
    public void forget(VipId vip, List<String> records) {
        records.forEach(r -> write(() -> map.remove(vip.name(), r)));
    }

    /** Client addresses (ip:port) per VIP, for status. */
    public Map<String, List<String>> clientsByVip() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            String[] parts = e.getValue().split("\\|");
            if (parts.length == 4) {
                out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(parts[1].replace('#', ':'));
            }
        }
        return out;
    }

    private void write(Runnable op) {
        try {
            writer.execute(() -> {
                try {
                    op.run();
                } catch (RuntimeException e) {
                    // Without quorum nothing is recorded; a takeover then tickles fewer clients, who time out.
                    log.debug("connection record not written: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // Closing: the records of this node's connections go with the cluster's own cleanup.
        }
    }

    private static String addresses(ConnectionInfo c) {
        return text(c.local()) + "|" + text(c.remote());
    }

    private static String text(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + "#" + a.getPort();
    }

    private static TickleSender.Connection parse(String value) {
        String[] parts = value.split("\\|");
        return new TickleSender.Connection(address(parts[0]), address(parts[1]));
    }

    private static InetSocketAddress address(String text) {
        int hash = text.lastIndexOf('#');
        try {
            // An address literal: no name lookup happens.
            return new InetSocketAddress(InetAddress.getByName(text.substring(0, hash)),
                    Integer.parseInt(text.substring(hash + 1)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("bad connection record " + text, e);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        reader.shutdownNow();
    }
}
