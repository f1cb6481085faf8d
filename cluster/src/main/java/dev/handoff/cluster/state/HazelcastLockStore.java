package dev.handoff.cluster.state;

import com.hazelcast.config.AttributeConfig;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.handoff.cluster.membership.MajorityWrites;
import dev.handoff.nlm.state.ClientUsage;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.Grace;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.rpc.dispatch.CallUnavailableException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The NLM lock table in a Hazelcast map, shared by every member, so that locks stay held when an address moves
 * and survive the death of the member that granted them (one synchronous backup).
 *
 * <p>Each file's {@link FileLocks} is one map entry, changed only by {@code putIfAbsent}, {@code replace(key, old,
 * new)} and {@code remove(key, old)}: Hazelcast compares the whole serialized record, which is the compare-and-set
 * the {@link LockStore} contract asks for. The per-client answers and {@link #due} are queries over indexed
 * attributes of the records ({@link ClientNamesExtractor}, {@link WakeSecondExtractor}), not separate writes, so
 * they can lag a concurrent commit but never keep a client after its last record is gone. The grace state is a
 * single entry of a second map, compared and set by value the same way.
 */
public final class HazelcastLockStore implements LockStore {
    public static final String LOCK_MAP = "handoff.nlm.locks";
    public static final String GRACE_MAP = "handoff.nlm.grace";
    static final String CLIENT_ATTRIBUTE = "client";
    static final String WAKE_ATTRIBUTE = "wakeSecond";
    private static final String GRACE_KEY = "grace";

    private final IMap<FileKey, FileLocks> files;
    private final IMap<String, Grace> grace;
    private final MajorityWrites majority;

    /** @param quorum members, this one included, that make a majority */
    public HazelcastLockStore(HazelcastInstance hz, int quorum) {
        this.files = hz.getMap(LOCK_MAP);
        this.grace = hz.getMap(GRACE_MAP);
        this.majority = new MajorityWrites(hz, quorum);
    }

    /**
     * The lock map: one synchronous backup, never evicted, indexed on client names and wake-up times. As with
     * {@link #graceMapConfig()}, an exact name replaces any wildcard config, so the caller adds the cluster's
     * split-brain protection to it.
     */
    public static MapConfig lockMapConfig() {
        return new MapConfig(LOCK_MAP).setBackupCount(1).setAsyncBackupCount(0)
                .addAttributeConfig(new AttributeConfig(CLIENT_ATTRIBUTE, ClientNamesExtractor.class.getName()))
                .addAttributeConfig(new AttributeConfig(WAKE_ATTRIBUTE, WakeSecondExtractor.class.getName()))
                .addIndexConfig(new IndexConfig(IndexType.HASH, CLIENT_ATTRIBUTE))
                .addIndexConfig(new IndexConfig(IndexType.SORTED, WAKE_ATTRIBUTE));
    }

    public static MapConfig graceMapConfig() {
        return new MapConfig(GRACE_MAP).setBackupCount(1).setAsyncBackupCount(0);
    }

    @Override
    public FileLocks load(FileKey file) {
        FileLocks f = files.get(file);
        return f != null ? f : FileLocks.empty(file);
    }

    /** One read for the batch: an operation per member holding some of the keys, not one per key. */
    @Override
    public Set<FileKey> withRecords(Collection<FileKey> keys) {
        return Set.copyOf(files.getAll(new HashSet<>(keys)).keySet());
    }

    @Override
    public boolean commit(FileLocks expected, FileLocks next) {
        FileKey file = expected.file();
        if (!file.equals(next.file())) {
            throw new IllegalArgumentException("commit of " + next.file() + " over " + expected.file());
        }
        // Only the version-0 empty record stands for "absent": an empty record is never stored.
        boolean absent = expected.equals(FileLocks.empty(file));
        if (!absent && expected.isEmpty()) {
            return false;
        }
        try {
            if (absent && next.isEmpty()) {
                return !files.containsKey(file);
            }
            return onMajority(majority.compareAndSet(() -> absent ? files.putIfAbsent(file, next) == null
                    : next.isEmpty() ? files.remove(file, expected) : files.replace(file, expected, next), file));
        } catch (SplitBrainProtectionException e) {
            throw unavailable(e);
        }
    }

    /**
     * A member cut off from the majority may not change the table; the NLM call that tried is then left
     * unanswered rather than failed (SYSTEM_ERR), and its retransmission reaches the majority's new owner.
     */
    private static CallUnavailableException unavailable(SplitBrainProtectionException e) {
        return new CallUnavailableException("the lock table cannot be changed without the cluster's quorum", e);
    }

    /**
     * A change that returned as a member left, or that too few other members confirmed at once, may be on this side
     * of a partition only ({@link MajorityWrites}): the majority could grant the same lock again. The call is left
     * unanswered as without quorum; its retransmission finds the change if the majority has it (granted to the same
     * owner again), or makes it afresh.
     */
    private static boolean onMajority(MajorityWrites.Change change) {
        return switch (change) {
            case NOT_APPLIED -> false;
            case ON_MAJORITY -> true;
            case MEMBER_LEFT, NOT_CONFIRMED -> throw new CallUnavailableException("the lock table changed, but the "
                    + "change is not known to be on a majority of the cluster (" + change + ")", null);
        };
    }

    @Override
    public Set<FileKey> filesOf(String callerName) {
        return Set.copyOf(files.keySet(Predicates.equal(CLIENT_ATTRIBUTE, callerName)));
    }

    @Override
    public ClientUsage usage(String callerName) {
        return files.values(Predicates.equal(CLIENT_ATTRIBUTE, callerName)).stream()
                .map(f -> f.usageOf(callerName)).reduce(ClientUsage.NONE, ClientUsage::plus);
    }

    @Override
    public Collection<FileKey> due(Instant now) {
        return files.entrySet(Predicates.lessEqual(WAKE_ATTRIBUTE, now.getEpochSecond())).stream()
                .filter(e -> !e.getValue().wakeAt().isAfter(now)).map(Map.Entry::getKey).toList();
    }

    @Override
    public Grace grace() {
        Grace g = grace.get(GRACE_KEY);
        return g != null ? g : Grace.NONE;
    }

    @Override
    public boolean commitGrace(Grace expected, Grace next) {
        // NONE is stored as an absent entry, so that a fresh cluster and one whose grace has ended look alike.
        boolean fromNone = expected.equals(Grace.NONE);
        boolean toNone = next.equals(Grace.NONE);
        try {
            if (fromNone && toNone) {
                return !grace.containsKey(GRACE_KEY);
            }
            return onMajority(majority.compareAndSet(() -> fromNone ? grace.putIfAbsent(GRACE_KEY, next) == null
                    : toNone ? grace.remove(GRACE_KEY, expected) : grace.replace(GRACE_KEY, expected, next),
                    GRACE_KEY));
        } catch (SplitBrainProtectionException e) {
            throw unavailable(e);
        }
    }

    /** Records held cluster-wide; for gauges and leak checks. */
    @Override
    public int fileCount() {
        return files.size();
    }

    /**
     * Counts across the shared table, by reading every record: each file's record is small and the table is
     * bounded by the per-client limits, and a scrape comes every several seconds.
     */
    @Override
    public dev.handoff.nlm.state.LockTally tally() {
        dev.handoff.nlm.state.LockTally sum = dev.handoff.nlm.state.LockTally.EMPTY;
        for (FileLocks f : files.values()) {
            sum = sum.plus(dev.handoff.nlm.state.LockTally.of(f));
        }
        return sum;
    }
}
