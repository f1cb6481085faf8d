package dev.handoff.cluster.state;

import com.hazelcast.query.extractor.ValueCollector;
import com.hazelcast.query.extractor.ValueExtractor;
import dev.handoff.nlm.state.FileLocks;

/**
 * The {@value HazelcastLockStore#CLIENT_ATTRIBUTE} attribute of a lock record: every client named in it (holder,
 * sharer, waiter or pending grantee). The map indexes it, so the per-client index is derived from the records
 * themselves and cannot drift from them. Hazelcast instantiates this class by name on every member.
 */
public final class ClientNamesExtractor implements ValueExtractor<FileLocks, Object> {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // Hazelcast declares the collector raw
    public void extract(FileLocks record, Object argument, ValueCollector collector) {
        for (String client : record.usageByClient().keySet()) {
            collector.addObject(client);
        }
    }
}
