package dev.handoff.cluster.membership;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Tells whether a write to a Hazelcast map that returned is known to be on a majority of the members.
 *
 * <p>Why a successful write is not enough: a write waits for its synchronous backup, but when the member that was
 * to keep the backup leaves the cluster, Hazelcast completes the write as if the backup had been made; and it does
 * the same when the backup's acknowledgement is missing for its backup timeout (5 s by default, 15 s as
 * {@link HazelcastConfigs} sets it); and a write to a partition
 * whose backup slot is empty (a member has just left, the backups are not yet reassigned) needs no backup at all.
 * On the side of a partition without the majority, in the seconds before that side notices it is cut off, every
 * write whose partition it owns "succeeds" that way, and the majority, which promotes its own copy of the
 * partition, never sees it. A lease renewed like that lets a cut-off owner keep serving a VIP the others have
 * moved; a lock granted like that is one the others grant again (both found by the failover torture test).
 *
 * <p>Two checks, the second for what the first cannot see: {@link #run} counts a write only if every member present
 * when it began is still present when it returned, and it returned before the backup timeout could have completed
 * it; {@link #confirmedByQuorum} then asks the other members at once whether they count this one as a member and
 * name the same owner for the key's partition, and counts the write only if enough of them to make a quorum with
 * this one do: together they are the majority side, and the member that applied the write holds its copy of the
 * partition. (Not "do you read my value": other writers may have changed the entry since, and that is no reason
 * to doubt this write.)
 */
public final class MajorityWrites {
    /** Hazelcast's backup timeout as the cluster configures it ({@link HazelcastConfigs}; Hazelcast's default is 5 s). */
    public static final String BACKUP_TIMEOUT_PROPERTY = "hazelcast.operation.backup.timeout.millis";
    public static final Duration BACKUP_TIMEOUT = Duration.ofSeconds(15);

    /** How long a confirmation waits for the other members' answers. */
    static final Duration CONFIRM_WAIT = Duration.ofMillis(500);
    static final String EXECUTOR = "handoff.write-confirm";

    private final HazelcastInstance hz;
    private final Cluster cluster;
    private final int quorum;
    private final Duration longest;

    /** @param quorum members, this one included, that make a majority (the cluster's split-brain protection) */
    public MajorityWrites(HazelcastInstance hz, int quorum) {
        this.hz = hz;
        this.cluster = hz.getCluster();
        this.quorum = quorum;
        String configured = hz.getConfig().getProperty(BACKUP_TIMEOUT_PROPERTY);
        Duration backupTimeout = configured != null ? Duration.ofMillis(Long.parseLong(configured))
                : Duration.ofSeconds(5);
        // A write that returned a second before the backup timeout cannot have been completed by it.
        this.longest = backupTimeout.minusSeconds(1);
    }

    /** What a write did: its result, and whether that result is known to be on a majority. */
    public record Outcome<T>(T result, boolean onMajority) {
    }

    /** Runs {@code write} and tells whether its result is known to be on a majority. */
    public <T> Outcome<T> run(Supplier<T> write) {
        Set<UUID> before = members();
        long start = System.nanoTime();
        T result = write.get();
        boolean quick = System.nanoTime() - start < longest.toNanos();
        return new Outcome<>(result, quick && members().containsAll(before));
    }

    /** What a compare-and-set did ({@link #compareAndSet}). */
    public enum Change {
        /** The entry was not as expected: nothing written. */
        NOT_APPLIED,
        /** Written, and known to be on the majority. */
        ON_MAJORITY,
        /** Written as a member left: maybe on this side of a partition only. */
        MEMBER_LEFT,
        /** Written, but too few other members confirmed at once: maybe on this side of a partition only. */
        NOT_CONFIRMED
    }

    /** Runs a compare-and-set of {@code key} and both checks: {@link #run}, then {@link #confirmedByQuorum}. */
    public Change compareAndSet(Supplier<Boolean> write, Object key) {
        Outcome<Boolean> w = run(write);
        if (!w.result()) {
            return Change.NOT_APPLIED;
        }
        if (!w.onMajority()) {
            return Change.MEMBER_LEFT;
        }
        return confirmedByQuorum(key) ? Change.ON_MAJORITY : Change.NOT_CONFIRMED;
    }

    /**
     * Whether enough other members, asked now, agree with this one on who owns {@code key}'s partition and count this
     * one as a member, that with this member they make the quorum. Call right after a write of {@code key} returned.
     * Waits at most {@link #CONFIRM_WAIT}, and no longer than the quorum needs.
     */
    public boolean confirmedByQuorum(Object key) {
        int needed = quorum - 1;
        if (needed <= 0) {
            return true;
        }
        Member owner = hz.getPartitionService().getPartition(key).getOwner();
        List<Member> others = cluster.getMembers().stream().filter(m -> !m.localMember()).toList();
        if (owner == null || others.size() < needed) {
            return false;
        }
        UUID self = cluster.getLocalMember().getUuid();
        AtomicInteger held = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger(others.size());
        CompletableFuture<Boolean> quorate = new CompletableFuture<>();
        IExecutorService executor = hz.getExecutorService(EXECUTOR);
        for (Member m : others) {
            executor.submitToMember(new SameOwnerCheck(key, owner.getUuid(), self), m, new ExecutionCallback<Boolean>() {
                @Override
                public void onResponse(Boolean sees) {
                    if (Boolean.TRUE.equals(sees) && held.incrementAndGet() >= needed) {
                        quorate.complete(true);
                    }
                    answered();
                }

                @Override
                public void onFailure(Throwable t) {
                    answered();
                }

                private void answered() {
                    if (unanswered.decrementAndGet() == 0) {
                        quorate.complete(held.get() >= needed);
                    }
                }
            });
        }
        try {
            return quorate.get(CONFIRM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Set<UUID> members() {
        return cluster.getMembers().stream().map(Member::getUuid).collect(Collectors.toSet());
    }
}
