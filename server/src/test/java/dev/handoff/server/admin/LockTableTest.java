package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.handoff.cluster.membership.MajorityWrites;
import dev.handoff.cluster.state.HazelcastLockStore;
import dev.handoff.cluster.state.HazelcastReplyCache;
import dev.handoff.cluster.state.SharedStateConfig;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The lock table as the admin API reads it: a single server's, and a cluster's shared one from any member. */
class LockTableTest {
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private static void lock(LockStore store, String fileHex, String client) {
        new LockManager(store, LockConfig.DEFAULT).on(new LockInput.Lock(FileKey.ofHex(fileHex),
                new RangeLock(new LockOwner(client, 1, Opaque.EMPTY), LockType.EXCLUSIVE, LockRange.of(0, 1)), false,
                false, Opaque.EMPTY, Opaque.EMPTY, NOW));
    }

    @Test
    void aSingleServersTableIsItsInMemoryStore() {
        InMemoryLockStore store = new InMemoryLockStore();
        lock(store, "01", "a");

        assertThat(LockTable.of(store).records()).extracting(FileLocks::file).containsExactly(FileKey.ofHex("01"));
        assertThat(LockTable.NONE.records()).isEmpty();
    }

    @Test
    void aClusterMemberReadsTheLocksEveryMemberGranted() {
        String name = "handoff-admin-test-" + UUID.randomUUID();
        int port = 20_000 + ThreadLocalRandom.current().nextInt(400) * 50;
        List<HazelcastInstance> members = new ArrayList<>();
        try {
            members.add(Hazelcast.newHazelcastInstance(config(name, port)));
            members.add(Hazelcast.newHazelcastInstance(config(name, port)));
            lock(new HazelcastLockStore(members.get(0), 2), "01", "a");
            lock(new HazelcastLockStore(members.get(1), 2), "02", "b");

            LocksReport seenFromFirst = LocksReport.of(LockTable.shared(members.get(0)).records(), 10);

            assertThat(seenFromFirst.locks()).extracting(l -> l.file() + " " + l.client())
                    .containsExactly("01 a", "02 b");
        } finally {
            members.forEach(m -> m.getLifecycleService().terminate());
        }
    }

    /** A member on loopback only, under a cluster name of its own, so concurrent builds never meet. */
    private static Config config(String clusterName, int basePort) {
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
        for (int p = basePort; p < basePort + 4; p++) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + p);
        }
        return SharedStateConfig.apply(c, HazelcastReplyCache.Settings.DEFAULT, Optional.empty());
    }
}
