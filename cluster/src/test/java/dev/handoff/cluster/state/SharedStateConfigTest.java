package dev.handoff.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.rpc.cache.ReplyCacheKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration every member applies, checked without starting one. */
class SharedStateConfigTest {

    @Test
    void everySharedMapCarriesTheSplitBrainProtectionItIsGiven() {
        Config c = SharedStateConfig.apply(new Config(), HazelcastReplyCache.Settings.DEFAULT, Optional.of("quorum"));
        List<MapConfig> maps = List.of(c.getMapConfig(HazelcastReplyCache.DEFAULT_MAP),
                c.getMapConfig(HazelcastLockStore.LOCK_MAP), c.getMapConfig(HazelcastLockStore.GRACE_MAP));
        assertThat(maps).allSatisfy(m -> {
            assertThat(m.getSplitBrainProtectionName()).isEqualTo("quorum");
            assertThat(m.getBackupCount()).isGreaterThanOrEqualTo(1);
            assertThat(m.getAsyncBackupCount()).isZero();
        });
        assertThat(maps.get(0).getTimeToLiveSeconds()).isGreaterThanOrEqualTo(180);
        assertThat(maps.get(0).getEvictionConfig().getEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
        assertThat(maps.get(1).getEvictionConfig().getEvictionPolicy()).as("locks are never evicted")
                .isEqualTo(EvictionPolicy.NONE);
        assertThat(c.getSerializationConfig().getSerializerConfigs())
                .extracting(s -> s.getTypeClass()).contains(ReplyCacheKey.class, FileLocks.class);
    }
}
