package dev.handoff.server.cli;

import dev.handoff.cluster.failover.ClusterMode;
import dev.handoff.cluster.membership.ClusterNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code handoff witness}: a cluster member for the quorum only (the third vote of a two-node cluster). It holds
 * a share of the shared state like any member but serves no NFS and never owns a VIP.
 */
@Command(name = "witness", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join a cluster as a quorum-only member until interrupted.", "",
                "Example: handoff witness --node w --bind 192.0.2.9 --cluster 192.0.2.10,192.0.2.11,192.0.2.9"})
final class WitnessCommand implements Callable<Integer> {

    @Option(names = "--bind", paramLabel = "ADDR", description = "This witness's address.")
    List<InetAddress> bind = new ArrayList<>();

    @Mixin
    ClusterOptions cluster;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() throws Exception {
        logs.apply();
        if (!cluster.enabled()) {
            System.err.println("handoff witness: say which cluster to join with --cluster ADDR,... or --cluster-dns NAME");
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), s -> stop.countDown());
        }
        try (ClusterNode node = ClusterMode.witness(cluster.config(bind, true))) {
            System.err.println("witness " + node.self() + " joined; " + node.members().size() + " members present");
            stop.await();
        } catch (IllegalArgumentException e) {
            System.err.println("handoff witness: " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
