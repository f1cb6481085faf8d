package dev.handoff.cluster.state;

import dev.handoff.cluster.membership.MajorityWrites;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.handoff.cluster.membership.MajorityWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Real embedded Hazelcast members in this JVM, joined over TCP on 127.0.0.1 under a cluster name of their own,
 * so that concurrent builds on the machine never meet. Each carries the state serializers and map configurations
 * a production member would.
 */
final class Members implements AutoCloseable {
    private final String clusterName = "handoff-test-" + UUID.randomUUID();
    /** A random base port: tests of other builds may run at the same time on the same machine. */
    private final int basePort = 20_000 + ThreadLocalRandom.current().nextInt(400) * 50;
    private final HazelcastReplyCache.Settings cacheSettings;
    private final List<HazelcastInstance> started = new ArrayList<>();

    Members(HazelcastReplyCache.Settings cacheSettings) {
        this.cacheSettings = cacheSettings;
    }

    static Members start(int count, HazelcastReplyCache.Settings cacheSettings) {
        Members m = new Members(cacheSettings);
        for (int i = 0; i < count; i++) {
            m.add();
        }
        return m;
    }

    HazelcastInstance add() {
        Config c = new Config().setClusterName(clusterName).setProperty("hazelcast.phone.home.enabled", "false")
                .setProperty("hazelcast.logging.type", "slf4j")
                .setProperty("hazelcast.partition.count", "31")
                .setProperty("hazelcast.wait.seconds.before.join", "0")
                .setProperty("hazelcast.max.wait.seconds.before.join", "0")
                .setProperty("hazelcast.shutdownhook.enabled", "false")
                .setProperty(MajorityWrites.BACKUP_TIMEOUT_PROPERTY, Long.toString(MajorityWrites.BACKUP_TIMEOUT.toMillis()));
        NetworkConfig net = c.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(4);
        net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int port = basePort; port < basePort + 4; port++) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + port);
        }
        SharedStateConfig.apply(c, cacheSettings, Optional.empty());
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(c);
        started.add(hz);
        return hz;
    }

    HazelcastInstance get(int i) {
        return started.get(i);
    }

    /**
     * Kills a member without a graceful shutdown (its partitions are not handed over, only backups remain), and
     * returns once the survivors have removed it from the member list, as they would after a crash.
     */
    void terminate(int i) {
        HazelcastInstance dead = started.get(i);
        UUID id = dead.getCluster().getLocalMember().getUuid();
        dead.getLifecycleService().terminate();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (HazelcastInstance hz : started) {
            while (hz != dead && hz.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().equals(id))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("member " + id + " still listed after 20 s");
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    @Override
    public void close() {
        for (HazelcastInstance hz : started) {
            hz.getLifecycleService().terminate();
        }
    }
}
