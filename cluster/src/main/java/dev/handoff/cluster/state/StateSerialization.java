package dev.handoff.cluster.state;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.serialization.Serializer;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.Grace;
import dev.handoff.rpc.cache.ReplyCacheKey;

/**
 * Registers the serializers of the shared state. Every member must register them (they hold values such as
 * {@link dev.handoff.rpc.xdr.Opaque} that Java serialization cannot write), and all must agree on them: the map
 * operations compare keys and, for compare-and-set, whole values by their serialized bytes.
 */
public final class StateSerialization {
    private StateSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        add(config, ReplyCacheKey.class, new ReplyCacheKeySerializer());
        // Registered per record: Hazelcast finds a serializer by the value's concrete class.
        add(config, ReplyEntry.InProgress.class, new ReplyEntrySerializer());
        add(config, ReplyEntry.Done.class, new ReplyEntrySerializer());
        add(config, FileKey.class, new FileKeySerializer());
        add(config, FileLocks.class, new FileLocksSerializer());
        add(config, Grace.class, new GraceSerializer());
        add(config, dev.handoff.cluster.vip.VipRecord.class, new VipRecordSerializer());
        return config;
    }

    private static void add(SerializationConfig config, Class<?> type, Serializer serializer) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(type).setImplementation(serializer));
    }
}
