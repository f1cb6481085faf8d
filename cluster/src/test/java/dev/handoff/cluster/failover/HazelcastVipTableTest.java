package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.membership.Discovery;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.state.HazelcastReplyCache;
import dev.handoff.cluster.state.SharedStateConfig;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipRecord;
import dev.handoff.cluster.vip.VipState;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The VIP table on three real members in this JVM, configured as {@link ClusterMode} configures them (state
 * serializers, {@code handoff.*} maps under a majority split-brain protection). Each test uses VIPs of its own;
 * the quorum test stops two members, so it runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HazelcastVipTableTest {
    private static final Duration FORM = Duration.ofSeconds(20);
    private static final NodeId A = new NodeId("a");
    private static final NodeId B = new NodeId("b");
    private static final NodeId C = new NodeId("c");

    private final List<ClusterNode> nodes = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startThreeMembers() {
        String cluster = "handoff-test-" + UUID.randomUUID();
        List<Integer> ports = FreePorts.on(InetAddress.getLoopbackAddress(), 3);
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        List<NodeId> names = List.of(A, B, C);
        List<CompletableFuture<ClusterNode>> starting = names.stream().map(n -> {
            ClusterConfig cc = ClusterConfig.of(n, "127.0.0.1", ports.get(names.indexOf(n)),
                    new Discovery.TcpIp(members), 3).withClusterName(cluster).withJoinWait(Duration.ofSeconds(1));
            return CompletableFuture.supplyAsync(() -> ClusterNode.start(cc, input -> {
            }, c -> SharedStateConfig.apply(c, HazelcastReplyCache.Settings.DEFAULT,
                    Optional.of(HazelcastConfigs.SPLIT_BRAIN_PROTECTION))));
        }).toList();
        starting.forEach(f -> nodes.add(f.join()));
        Await.until("three members with quorum", FORM,
                () -> nodes.stream().allMatch(n -> n.members().size() == 3 && n.hasQuorum()));
    }

    @AfterAll
    void stopMembers() {
        nodes.forEach(n -> n.hazelcast().getLifecycleService().terminate());
    }

    private HazelcastVipTable table(int i) {
        return new HazelcastVipTable(nodes.get(i).hazelcast(), 2);
    }

    private static Optional<VipRecord> row(HazelcastVipTable t, VipId vip) {
        return t.rows().stream().filter(r -> r.vip().equals(vip)).findFirst();
    }

    @Test
    @Order(1)
    void seedingIsIdempotentAcrossMembersAndTheFirstSeedStays() {
        VipId vip = new VipId("seed-" + UUID.randomUUID());
        table(0).seed(List.of(vip), A);
        table(1).seed(List.of(vip), B);
        table(2).seed(List.of(vip), C);

        for (int i = 0; i < 3; i++) {
            assertThat(row(table(i), vip)).as("row as member %d reads it", i).contains(VipRecord.initial(vip, A));
        }
    }

    @Test
    @Order(2)
    void membersSeedingAtOnceAgreeOnOneFreeRow() throws InterruptedException {
        VipId vip = new VipId("race-" + UUID.randomUUID());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> seeders = List.of(0, 1, 2).stream().map(i -> Thread.ofPlatform().start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            table(i).seed(List.of(vip), List.of(A, B, C).get(i));
        })).toList();
        go.countDown();
        for (Thread t : seeders) {
            t.join();
        }

        VipRecord seeded = row(table(0), vip).orElseThrow();
        assertThat(seeded.state()).isEqualTo(VipState.FREE);
        assertThat(seeded.epoch()).isZero();
        assertThat(List.of(row(table(1), vip), row(table(2), vip))).containsOnly(Optional.of(seeded));
    }

    @Test
    @Order(3)
    void compareAndSetSucceedsOnlyAgainstTheExactStoredRow() {
        VipId vip = new VipId("cas-" + UUID.randomUUID());
        VipRecord free = VipRecord.initial(vip, A);
        VipRecord claimed = free.next(A, 1, VipState.SERVING, null);
        assertThat(table(0).compareAndSet(free, claimed)).as("no row stored yet").isFalse();
        table(0).seed(List.of(vip), A);

        assertThat(table(0).compareAndSet(free, claimed)).isTrue();
        // Same owner, epoch and state, but the renewal the row had one write ago: a stale view.
        VipRecord staleRenewal = new VipRecord(vip, A, 1, VipState.SERVING, claimed.renewal() + 1, null);
        assertThat(table(1).compareAndSet(staleRenewal, staleRenewal.renewed())).isFalse();
        // A rival claiming from the row it saw before A's claim landed.
        assertThat(table(1).compareAndSet(free, free.next(B, 1, VipState.SERVING, null))).isFalse();
        assertThat(row(table(2), vip)).contains(claimed);

        VipRecord renewed = claimed.renewed();
        assertThat(table(2).compareAndSet(claimed, renewed)).as("any member may write the exact row").isTrue();
        assertThat(table(0).compareAndSet(claimed, claimed.renewed())).as("the same write twice").isFalse();
        assertThat(row(table(1), vip)).contains(renewed);
    }

    @Test
    @Order(4)
    void aListenerOnAnyMemberSeesEveryStoredRowInOrderAndNoFailedWrite() throws Exception {
        VipId vip = new VipId("listen-" + UUID.randomUUID());
        List<VipRecord> seen = new CopyOnWriteArrayList<>();
        AutoCloseable stop = table(2).listen(r -> {
            if (r.vip().equals(vip)) {
                seen.add(r);
            }
        });
        VipRecord r0 = VipRecord.initial(vip, A);
        VipRecord r1 = r0.next(A, 1, VipState.SERVING, null);
        VipRecord r2 = r1.renewed();
        VipRecord r3 = r2.next(A, 1, VipState.RELEASING, B);
        VipRecord r4 = r3.next(B, 2, VipState.ACQUIRING, null);
        VipRecord r5 = r4.next(B, 2, VipState.SERVING, null);

        table(0).seed(List.of(vip), A);
        assertThat(table(0).compareAndSet(r0, r1)).isTrue();
        assertThat(table(0).compareAndSet(r1, r2)).isTrue();
        assertThat(table(1).compareAndSet(r1, r1.renewed())).as("stale").isFalse();
        assertThat(table(0).compareAndSet(r2, r3)).isTrue();
        assertThat(table(0).compareAndSet(r3, r4)).isTrue();
        assertThat(table(1).compareAndSet(r4, r5)).isTrue();

        Await.until("six rows heard", Duration.ofSeconds(5), () -> seen.size() >= 6);
        assertThat(seen).containsExactly(r0, r1, r2, r3, r4, r5);
        stop.close();
    }

    @Test
    @Order(10)
    void aMemberWithoutQuorumCannotWriteButStillReads() throws Exception {
        VipId vip = new VipId("quorum-" + UUID.randomUUID());
        HazelcastVipTable lone = table(0);
        lone.seed(List.of(vip), A);
        VipRecord held = VipRecord.initial(vip, A).next(A, 1, VipState.SERVING, null);
        assertThat(lone.compareAndSet(VipRecord.initial(vip, A), held)).isTrue();

        // Gracefully: their partitions move to the one left, so what it reads is the whole table.
        nodes.get(1).close();
        nodes.get(2).close();
        Await.until("member a sees itself alone without quorum", FORM,
                () -> nodes.get(0).members().size() == 1 && !nodes.get(0).hasQuorum());
        // Hazelcast applies its own quorum verdict on its next check; wait until protected maps refuse.
        Await.until("a protected write refused", Duration.ofSeconds(10), () -> {
            try {
                nodes.get(0).hazelcast().getMap(HazelcastConfigs.PROTECTED_PREFIX + "probe").put("k", "v");
                return false;
            } catch (SplitBrainProtectionException refused) {
                return true;
            }
        });

        assertThat(lone.compareAndSet(held, held.renewed())).as("renewal without quorum").isFalse();
        VipRecord takeover = held.next(A, 2, VipState.SERVING, null);
        assertThat(lone.compareAndSet(held, takeover)).isFalse();
        assertThat(row(lone, vip)).as("row unchanged and still readable").contains(held);
        VipId late = new VipId("late-" + UUID.randomUUID());
        lone.seed(List.of(late), A);
        assertThat(row(lone, late)).as("nothing seeded without quorum").isEmpty();
    }
}
