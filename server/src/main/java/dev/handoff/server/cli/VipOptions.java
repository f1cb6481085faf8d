package dev.handoff.server.cli;

import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.failover.ClusterSettings;
import dev.handoff.cluster.failover.HandoffOrder;
import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipConfig;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.server.ClusterServe;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The floating addresses a cluster node may serve, and how they move. */
final class VipOptions {

    @Option(names = "--vip", paramLabel = "ADDR[/PREFIX][@NODE,...]",
            description = {"A floating address the cluster serves (repeatable; every node gets the same list).",
                    "Optional preferred nodes in order, e.g. 192.0.2.100/24@node1,node2."})
    List<String> vips = new ArrayList<>();

    @Option(names = "--vip-interface", paramLabel = "IFACE",
            description = "Interface VIPs are added to (default: the one holding the node's --bind address).")
    String vipInterface;

    @Option(names = "--address-mode", paramLabel = "MODE",
            description = {"linux: Handoff adds and removes the VIPs itself and announces them (needs NET_ADMIN,",
                    "NET_RAW); manual: something else moves them (default: ${DEFAULT-VALUE})."})
    String addressMode = "linux";

    @Option(names = "--handoff-order", paramLabel = "ORDER",
            description = {"How a planned move ends the clients' connections: tickle (default), reset-first or",
                    "fin; see docs/failover.md for the measurements."})
    String order = "tickle";

    @Option(names = "--lease-ms", paramLabel = "MS",
            description = "How long a VIP owner may serve without renewing (default: ${DEFAULT-VALUE}).")
    long leaseMs = VipConfig.defaults().lease().toMillis();

    @Option(names = "--drain-deadline-ms", paramLabel = "MS",
            description = "Longest wait for calls in flight when a VIP leaves this node (default: ${DEFAULT-VALUE}).")
    long drainDeadlineMs = 2000;

    ClusterServe serve(ClusterConfig cluster, List<InetAddress> listen) throws SocketException {
        Map<VipId, IpPrefix> addresses = new LinkedHashMap<>();
        Map<VipId, List<NodeId>> preferences = new HashMap<>();
        for (String text : vips) {
            String[] parts = text.split("@", 2);
            IpPrefix prefix = IpPrefix.parse(parts[0]);   // without a prefix: a host address (/32, /128)
            VipId vip = new VipId(prefix.address().getHostAddress());
            if (addresses.put(vip, prefix) != null) {
                throw new IllegalArgumentException("--vip " + vip + " is given twice");
            }
            if (parts.length == 2) {
                preferences.put(vip, Arrays.stream(parts[1].split(",")).map(String::strip).map(NodeId::new).toList());
            }
        }
        VipConfig d = VipConfig.defaults();
        Duration lease = Duration.ofMillis(leaseMs);
        // Scaled with the lease: the margin covers a tick and an address removal, renewals come twice a lease.
        VipConfig timing = new VipConfig(lease, d.margin().multipliedBy(leaseMs).dividedBy(d.lease().toMillis()),
                lease.dividedBy(3), lease.dividedBy(3), d.memberStableFor(), d.rebalanceHoldoff(), preferences);
        ClusterSettings settings = new ClusterSettings(cluster, addresses, timing, HandoffOrder.parse(order),
                Duration.ofMillis(drainDeadlineMs));
        boolean manual = switch (addressMode) {
            case "linux" -> false;
            case "manual" -> true;
            default -> throw new IllegalArgumentException("--address-mode is linux or manual, not " + addressMode);
        };
        return new ClusterServe(settings, vipInterface != null ? vipInterface : interfaceOf(listen), manual);
    }

    private static String interfaceOf(List<InetAddress> listen) throws SocketException {
        for (InetAddress a : listen) {
            NetworkInterface nif = a.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(a);
            if (nif != null) {
                return nif.getName();
            }
        }
        throw new IllegalArgumentException("cannot tell which interface VIPs go on: give --vip-interface IFACE");
    }
}
