package dev.handoff.cluster.failover;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.handoff.cluster.address.TickleSender;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.rpc.transport.ConnectionInfo;
import dev.handoff.rpc.transport.ConnectionListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The live client connections of every VIP, shared: recorded as each one opens and forgotten as it closes
 * (DESIGN.md §5), so the node that takes a VIP over after a crash knows whom to tickle. The key names the
 * connection ({@code vip|server ip:port|client ip:port}); the value is the VIP, to find a VIP's connections.
 * Writes are asynchronous: a connection's first request is not held up by the cluster.
 */
public final class ConnectionRecords implements ConnectionListener {
    public static final String MAP = HazelcastConfigs.PROTECTED_PREFIX + "connections";

    private final IMap<String, String> map;
    /** The VIP a local address is, if it is one; connections to the node's own address are not recorded. */
    private final Function<InetAddress, Optional<VipId>> vipOf;

    public ConnectionRecords(HazelcastInstance hz, Function<InetAddress, Optional<VipId>> vipOf) {
        this.map = hz.getMap(MAP);
        this.vipOf = vipOf;
    }

    @Override
    public void opened(ConnectionInfo c) {
        vipOf.apply(c.local().getAddress()).ifPresent(vip -> map.setAsync(key(vip, c), vip.name()));
    }

    @Override
    public void closed(ConnectionInfo c) {
        vipOf.apply(c.local().getAddress()).ifPresent(vip -> map.deleteAsync(key(vip, c)));
    }

    /** Every connection recorded for {@code vip}, by whichever node accepted it. */
    public List<TickleSender.Connection> of(VipId vip) {
        return map.keySet(Predicates.equal("this", vip.name())).stream().map(ConnectionRecords::parse).toList();
    }

    /** Forgets the connections of {@code vip} that the tickles have reset. */
    public void forget(VipId vip, List<TickleSender.Connection> connections) {
        connections.forEach(c -> map.deleteAsync(vip.name() + "|" + text(c.server()) + "|" + text(c.client())));
    }

    /** Counts per VIP, for status. */
    public Map<String, List<String>> clientsByVip() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String key : map.keySet()) {
            String[] parts = key.split("\\|");
            if (parts.length == 3) {
                out.computeIfAbsent(parts[0], k -> new java.util.ArrayList<>()).add(parts[2].replace('#', ':'));
            }
        }
        return out;
    }

    private static String key(VipId vip, ConnectionInfo c) {
        return vip.name() + "|" + text(c.local()) + "|" + text(c.remote());
    }

    private static String text(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + "#" + a.getPort();
    }

    private static TickleSender.Connection parse(String key) {
        String[] parts = key.split("\\|");
        return new TickleSender.Connection(address(parts[1]), address(parts[2]));
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
}
