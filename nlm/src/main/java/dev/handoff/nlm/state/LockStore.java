package dev.handoff.nlm.state;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the lock table lives: {@link InMemoryLockStore} for one node, a Hazelcast map in the cluster module so that
 * the table follows a moving address. Implementations are thread-safe; the manager serializes work on a file by
 * compare-and-set, never by holding a lock across calls.
 *
 * <p>The per-client answers ({@link #filesOf}, {@link #usage}) and {@link #due} are derived from committed records.
 * They must never miss a record that names the client or is due; they may include extra files (the manager finds
 * nothing to do there), and may lag behind concurrent commits on other files (limits can then be overshot by the
 * number of requests in flight). Deriving them inside {@link #commit}, or from an index on the records' attributes,
 * keeps them exact; maintaining them by separate writes would not.
 */
public interface LockStore {

    /** The file's record, or {@link FileLocks#empty} (version 0) when nothing is held on it. */
    FileLocks load(FileKey file);

    /**
     * Replaces {@code expected} by {@code next} if the stored record still equals {@code expected} as a whole (as
     * Hazelcast's {@code replace(key, old, new)} compares), and answers whether it did. Whole-record comparison keeps
     * a record deleted and recreated in between (versions restart) from passing for the one that was loaded. An
     * {@link FileLocks#isEmpty() empty} {@code next} deletes the record.
     */
    boolean commit(FileLocks expected, FileLocks next);

    /**
     * Those of {@code files} that have a record: what a batch of removed files must release. The default loads each;
     * a shared store asks once.
     */
    default Set<FileKey> withRecords(Collection<FileKey> files) {
        Set<FileKey> held = new HashSet<>();
        for (FileKey f : files) {
            if (!load(f).isEmpty()) {
                held.add(f);
            }
        }
        return held;
    }

    /** Every file whose record holds a lock, share, wait or pending grant of {@code callerName}. */
    Set<FileKey> filesOf(String callerName);

    /** What {@code callerName} holds over all files. */
    ClientUsage usage(String callerName);

    /** Every file whose record's {@link FileLocks#wakeAt()} is at or before {@code now}. */
    Collection<FileKey> due(Instant now);

    Grace grace();

    /** Compare-and-set of the grace state, by value. */
    boolean commitGrace(Grace expected, Grace next);

    /** Files with at least one lock or waiter, for status and metrics. */
    int fileCount();

    /**
     * What the whole table holds, for gauges; read on every scrape, so it must be cheap. This default knows only
     * {@link #fileCount()}; a store that can count locks and waiters without reading every record says more.
     */
    default LockTally tally() {
        return LockTally.filesOnly(fileCount());
    }
}
