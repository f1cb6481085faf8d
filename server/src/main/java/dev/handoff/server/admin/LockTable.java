package dev.handoff.server.admin;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.handoff.cluster.state.HazelcastLockStore;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.InMemoryLockStore;
import java.util.Collection;
import java.util.List;

/**
 * The NLM lock table as the admin API reads it: every file's record, wherever the table lives. The lock store's
 * SPI answers per client and per file only (what the lock manager needs), so the operator's view of the whole
 * table reads the storage behind it directly.
 */
@FunctionalInterface
public interface LockTable {
    /** No table (an API started without locking): nothing is held. */
    LockTable NONE = List::of;

    /** Every record now; a table that cannot be read now (no quorum) throws a {@link RuntimeException}. */
    Collection<FileLocks> records();

    /** A single server's table. */
    static LockTable of(InMemoryLockStore store) {
        return store::records;
    }

    /**
     * A cluster's shared table: the locks of every node's clients. It reads the whole map, which the per-client
     * limits keep to clients × {@code maxLocksPerClient} records at worst; the API then shows the first few.
     */
    static LockTable shared(HazelcastInstance hazelcast) {
        IMap<FileKey, FileLocks> files = hazelcast.getMap(HazelcastLockStore.LOCK_MAP);
        return () -> List.copyOf(files.values());
    }
}
