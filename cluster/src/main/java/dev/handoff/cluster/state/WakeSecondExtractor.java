package dev.handoff.cluster.state;

import com.hazelcast.query.extractor.ValueCollector;
import com.hazelcast.query.extractor.ValueExtractor;
import dev.handoff.nlm.state.FileLocks;

/**
 * The {@value HazelcastLockStore#WAKE_ATTRIBUTE} attribute of a lock record: the epoch second of its
 * {@link FileLocks#wakeAt()}, as a sortable number for a range query. Rounding down only lets the query return a
 * record due later in the same second, which the store then filters out exactly.
 */
public final class WakeSecondExtractor implements ValueExtractor<FileLocks, Object> {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // Hazelcast declares the collector raw
    public void extract(FileLocks record, Object argument, ValueCollector collector) {
        collector.addObject(record.wakeAt().getEpochSecond());
    }
}
