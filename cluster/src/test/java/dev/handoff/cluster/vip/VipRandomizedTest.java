package dev.handoff.cluster.vip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random schedules: partitions, pauses longer than the lease, crashes and restarts, moves, drains,
 * random latencies and lost messages. {@link SimCluster} checks the single-owner invariants after each of the
 * tens of thousands of events; at the end, with the faults healed, every VIP must be served again.
 */
class VipRandomizedTest {
    private static final List<NodeId> NODES = List.of(new NodeId("a"), new NodeId("b"), new NodeId("c"));
    private static final List<VipId> VIPS = List.of(new VipId("v1"), new VipId("v2"), new VipId("v3"));

    /** Eight seeds by default; {@code -Dhandoff.vip.seeds=3000} for a soak (about a minute). */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("handoff.vip.seeds", 8));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noScheduleEverLetsTwoNodesServeOneVip(long seed) {
        VipConfig d = VipConfig.defaults();
        SimCluster sim = new SimCluster(new VipConfig(d.lease(), d.margin(), d.renewEvery(), d.writeTimeout(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Map.of()), seed);
        sim.minLatency = 1;
        // Harsher networks for a soak: -Dhandoff.vip.maxLatency=900 -Dhandoff.vip.dropPercent=20
        sim.maxLatency = Long.getLong("handoff.vip.maxLatency", 80);
        sim.dropRate = Integer.getInteger("handoff.vip.dropPercent", 5) / 100.0;
        sim.addNodes(NODES.stream().map(NodeId::name).toList());
        sim.addVips(VIPS.stream().map(VipId::name).toList());
        Random random = new Random(seed * 7_919);
        for (int i = 0; i < 1_500; i++) {
            NodeId node = NODES.get(random.nextInt(NODES.size()));
            SimCluster.Node n = sim.nodes.get(node);
            switch (random.nextInt(10)) {
                case 0 -> {
                    if (!n.crashed) {
                        sim.partition(node, !n.partitioned);
                    }
                }
                case 1 -> {
                    if (!n.crashed && !n.paused) {
                        sim.pause(node);
                        sim.schedule(random.nextLong(200, 9_000), () -> sim.resume(node));
                    }
                }
                case 2 -> {
                    if (n.crashed) {
                        sim.restart(node);
                    } else if (random.nextInt(3) == 0) {
                        sim.crash(node);
                    }
                }
                case 3 -> sim.toAll(new VipInput.DrainNode(node));
                case 4 -> sim.toAll(new VipInput.UndrainNode(node));
                default -> sim.toAll(new VipInput.MoveRequested(VIPS.get(random.nextInt(VIPS.size())), node));
            }
            sim.run(random.nextLong(50, 3_000));
        }
        for (SimCluster.Node n : sim.nodes.values()) {
            if (n.crashed) {
                sim.restart(n.id);
            }
            sim.resume(n.id);
            if (n.partitioned) {
                sim.partition(n.id, false);
            }
            sim.toAll(new VipInput.UndrainNode(n.id));
        }
        sim.dropRate = 0;
        sim.run(30_000);
        if (Boolean.getBoolean("handoff.vip.verbose")) {
            System.out.println("seed " + seed + ": " + sim.steps + " steps, " + sim.events);
        }
        assertThat(sim.steps).isGreaterThan(20_000);
        // The schedule was hostile: owners lost leases, VIPs were taken over and handed over.
        long expired = total(sim, VipEvent.LEASE_EXPIRED);
        assertThat(expired).isPositive();
        assertThat(total(sim, VipEvent.CLAIM_WON)).isGreaterThan(expired);
        assertThat(total(sim, VipEvent.HANDOFF_DONE)).isPositive();
        for (VipId vip : VIPS) {
            assertThat(sim.servingAtEdge(vip)).as("%s served again", vip).hasSize(1);
        }
    }

    private static long total(SimCluster sim, VipEvent event) {
        return sim.events.getOrDefault(event, 0L);
    }
}
