package dev.handoff.server.admin;

import dev.handoff.cluster.failover.ClusterControl;
import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The {@link ClusterControl} of a server started without {@code --cluster}: its status says so (not clustered,
 * no members, no VIPs, quorum trivially held), and it refuses every move and drain with a message that says how
 * to get a cluster, so {@code handoff vip move} against a single server fails plainly instead of waiting.
 */
public final class StandaloneControl implements ClusterControl {
    static final String NO_CLUSTER = "this server runs without a cluster (start it with --cluster ...)";

    private final String node;
    private final LongSupplier locks;
    private final BooleanSupplier grace;

    /**
     * @param node  the name to report (the host name)
     * @param locks the lock entries held now
     * @param grace whether locks are in their grace period now
     */
    public StandaloneControl(String node, LongSupplier locks, BooleanSupplier grace) {
        this.node = node;
        this.locks = locks;
        this.grace = grace;
    }

    /** Named after this host, with no lock figures (the 2-argument {@link AdminHttpServer#start} uses it). */
    public static StandaloneControl ofLocalHost() {
        return new StandaloneControl(hostName(), () -> 0, () -> false);
    }

    @Override
    public ClusterStatus status() {
        return new ClusterStatus(node, false, true, 1, List.of(), List.of(), grace.getAsBoolean(),
                locks.getAsLong(), List.of());
    }

    @Override
    public Outcome move(VipId vip, NodeId to) {
        return Outcome.refused(NO_CLUSTER);
    }

    @Override
    public Outcome drain(NodeId node, boolean drain) {
        return Outcome.refused(NO_CLUSTER);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A host whose own name does not resolve still has a name to show.
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
