package dev.handoff.cluster.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import java.util.List;
import java.util.Optional;

/**
 * Everything a member needs to hold the shared state: the serializers and the three maps' configurations. Every
 * member must apply it alike. The maps get the cluster's split-brain protection here, because their exact-name
 * configs replace any wildcard config that would otherwise have carried it.
 */
public final class SharedStateConfig {
    /**
     * Hazelcast removes expired entries that nobody reads again only through a background sweep, which by
     * default visits a few partitions every 5 s and looks at 10% of their entries. The reply cache is written once
     * per non-idempotent call and rarely read again: under a steady load the sweep fell behind and expired replies
     * piled up to the size bound (a soak run kept 19 700 of them minutes after their 180 s). Sweeping every
     * partition's expired entries on each run keeps up.
     */
    static final String EXPIRY_SWEEP_PERCENTAGE = "hazelcast.internal.map.expiration.cleanup.percentage";
    static final String EXPIRY_SWEEP_PARTITIONS = "hazelcast.internal.map.expiration.cleanup.operation.count";

    private SharedStateConfig() {
    }

    public static Config apply(Config config, HazelcastReplyCache.Settings cache,
            Optional<String> splitBrainProtection) {
        StateSerialization.register(config.getSerializationConfig());
        config.setProperty(EXPIRY_SWEEP_PERCENTAGE, "100");
        config.setProperty(EXPIRY_SWEEP_PARTITIONS, "271"); // Hazelcast's default partition count, kept here
        for (MapConfig m : List.of(HazelcastReplyCache.mapConfig(cache), HazelcastLockStore.lockMapConfig(),
                HazelcastLockStore.graceMapConfig())) {
            splitBrainProtection.ifPresent(m::setSplitBrainProtectionName);
            config.addMapConfig(m);
        }
        return config;
    }
}
