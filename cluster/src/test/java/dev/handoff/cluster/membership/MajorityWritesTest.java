package dev.handoff.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.handoff.cluster.failover.FreePorts;
import dev.handoff.cluster.vip.NodeId;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real members: a write counts as on a majority unless a member present when it began has left by its end. */
class MajorityWritesTest {
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeEach
    void twoMembers() throws Exception {
        List<Integer> ports = FreePorts.on(InetAddress.getLoopbackAddress(), 2);
        String name = "handoff-majority-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            ClusterConfig cc = ClusterConfig.of(new NodeId("n" + i), "127.0.0.1", ports.get(i),
                    new Discovery.TcpIp(ports.stream().map(p -> "127.0.0.1:" + p).toList()), 1)
                    .withClusterName(name).withJoinWait(Duration.ofSeconds(1));
            nodes.add(ClusterNode.start(cc, input -> {
            }));
            members.add(nodes.getLast().hazelcast());
        }
        // Both see both, and the partitions are settled: on a loaded machine the two may first form a cluster
        // each and merge, and the merging member comes back under a new UUID (a member "left" mid-write).
        waitFor(() -> members.stream().allMatch(m -> m.getCluster().getMembers().size() == 2
                && m.getPartitionService().isClusterSafe()));
    }

    @AfterEach
    void stop() {
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void aWriteWithTheMembersKeptIsOnAMajority() {
        IMap<String, String> map = members.getFirst().getMap("plain");
        MajorityWrites.Outcome<Boolean> w = new MajorityWrites(members.getFirst(), 2)
                .run(() -> map.putIfAbsent("k", "v") == null);
        assertThat(w).isEqualTo(new MajorityWrites.Outcome<>(true, true));
    }

    @Test
    void aWriteDuringWhichAMemberLeftIsNot() {
        HazelcastInstance a = members.getFirst();
        IMap<String, String> map = a.getMap("plain");
        MajorityWrites.Outcome<Boolean> w = new MajorityWrites(a, 2).run(() -> {
            boolean applied = map.putIfAbsent("k", "v") == null;
            members.get(1).getLifecycleService().terminate();
            while (a.getCluster().getMembers().size() > 1) {
                Thread.onSpinWait();
            }
            return applied;
        });
        assertThat(w).isEqualTo(new MajorityWrites.Outcome<>(true, false));
    }

    @Test
    void aQuorumOfConnectedMembersConfirmsAWrite() {
        HazelcastInstance a = members.getFirst();
        a.getMap("plain").put("k", "v");
        assertThat(new MajorityWrites(a, 2).confirmedByQuorum("k")).isTrue();
        assertThat(new MajorityWrites(a, 1).confirmedByQuorum("k")).as("alone is a quorum of one").isTrue();
        assertThat(new MajorityWrites(a, 3).confirmedByQuorum("k")).as("two members are no quorum of three").isFalse();
    }

    @Test
    void confirmationsAskedTogetherShareTheirQuestions() throws Exception {
        HazelcastInstance a = members.getFirst();
        MajorityWrites writes = new MajorityWrites(a, 2);
        int threads = 16;
        int each = 20;
        // Both members name the same owner for every key's partition first: a check during a migration is refused.
        waitFor(() -> java.util.stream.IntStream.range(0, threads * each).allMatch(k -> {
            var here = a.getPartitionService().getPartition("k" + k).getOwner();
            var there = members.get(1).getPartitionService().getPartition("k" + k).getOwner();
            return here != null && there != null && here.getUuid().equals(there.getUuid());
        }));
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger confirmed = new AtomicInteger();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int k = first; k < first + each; k++) {
                    if (writes.confirmedByQuorum("k" + k)) {
                        confirmed.incrementAndGet();
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : running) {
            t.join(60_000);
            assertThat(t.isAlive()).as("a confirming thread still waits after 60 s").isFalse();
        }
        assertThat(confirmed).as("every key, each in whatever round").hasValue(threads * each);
        long asked = members.get(1).getExecutorService(MajorityWrites.EXECUTOR).getLocalExecutorStats()
                .getStartedTaskCount();
        assertThat(asked).as("questions the other member answered").isPositive().isLessThan(threads * each);
    }

    @Test
    void aMemberThatLeftConfirmsNothing() throws InterruptedException {
        HazelcastInstance a = members.getFirst();
        a.getMap("plain").put("k", "v");
        members.get(1).getLifecycleService().terminate();
        waitFor(() -> a.getCluster().getMembers().size() == 1);
        assertThat(new MajorityWrites(a, 2).confirmedByQuorum("k")).isFalse();
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
