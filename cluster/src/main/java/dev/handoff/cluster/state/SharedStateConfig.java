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
    private SharedStateConfig() {
    }

    public static Config apply(Config config, HazelcastReplyCache.Settings cache,
            Optional<String> splitBrainProtection) {
        StateSerialization.register(config.getSerializationConfig());
        for (MapConfig m : List.of(HazelcastReplyCache.mapConfig(cache), HazelcastLockStore.lockMapConfig(),
                HazelcastLockStore.graceMapConfig())) {
            splitBrainProtection.ifPresent(m::setSplitBrainProtectionName);
            config.addMapConfig(m);
        }
        return config;
    }
}
