package dev.handoff.server.cli;

import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.membership.Discovery;
import dev.handoff.cluster.vip.NodeId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How a node finds and joins its cluster: shared by {@code serve} and {@code witness}. */
final class ClusterOptions {

    @Option(names = "--node", paramLabel = "NAME",
            description = "This node's name in the cluster, stable across restarts (default: the host name).")
    String node;

    @Option(names = "--cluster", paramLabel = "ADDR[:PORT]", split = ",",
            description = {"Every cluster member's address, this node's included (comma-separated or repeated);",
                    "turns cluster mode on. Members talk on --cluster-port."})
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-dns", paramLabel = "NAME",
            description = "Find the members through the DNS records of a Kubernetes headless Service instead.")
    String dns;

    @Option(names = "--cluster-port", paramLabel = "PORT",
            description = "Port the cluster members talk on (default: ${DEFAULT-VALUE}).")
    int port = ClusterConfig.DEFAULT_PORT;

    @Option(names = "--cluster-size", paramLabel = "N",
            description = {"Members the cluster is configured to have, witnesses included; quorum is a majority",
                    "of it (default: the number of --cluster addresses)."})
    Integer size;

    @Option(names = "--cluster-name", paramLabel = "NAME",
            description = "Clusters with different names never merge (default: ${DEFAULT-VALUE}).")
    String name = "handoff";

    @Option(names = "--cluster-bind", paramLabel = "ADDR",
            description = "Address the member listens on (default: the first --bind address).")
    InetAddress bind;

    @Option(names = "--member-timeout", paramLabel = "SECONDS",
            description = {"A member silent this long is suspected dead (heartbeats every second; detection within",
                    "this + 1 s; default: ${DEFAULT-VALUE}). VIP takeover waits for the lease, not for this."})
    int memberTimeout = 2;

    boolean enabled() {
        return !members.isEmpty() || dns != null;
    }

    /** The member's configuration; {@code listen} is where the node's own services listen. */
    ClusterConfig config(List<InetAddress> listen, boolean witness) throws UnknownHostException {
        if (!members.isEmpty() && dns != null) {
            throw new IllegalArgumentException("--cluster and --cluster-dns exclude each other");
        }
        InetAddress at = bind != null ? bind : listen.stream().filter(a -> !a.isAnyLocalAddress()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a cluster member needs its own address: give --bind "
                        + "ADDR (this node's address, not the wildcard) or --cluster-bind ADDR"));
        Discovery discovery = dns != null ? new Discovery.KubernetesDns(dns, port) : new Discovery.TcpIp(members);
        int expected = Optional.ofNullable(size).orElse(members.isEmpty() ? 3 : members.size());
        ClusterConfig d = ClusterConfig.of(new NodeId(node != null ? node
                : InetAddress.getLocalHost().getHostName()), at.getHostAddress(), port, discovery, expected);
        return new ClusterConfig(d.nodeName(), name, d.bindAddress(), d.port(), d.discovery(), d.expectedSize(),
                witness, d.heartbeatInterval(), java.time.Duration.ofSeconds(memberTimeout), d.joinWait(),
                d.mergeDelay());
    }
}
