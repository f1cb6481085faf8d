package dev.handoff.cluster.membership;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Tells whether a write to a Hazelcast map that returned is known to be on a majority of the members.
 *
 * <p>Why a successful write is not enough: a write waits for its synchronous backup, but when the member that was
 * to keep the backup leaves the cluster, Hazelcast completes the write as if the backup had been made; and it does
 * the same when the backup's acknowledgement is missing for its backup timeout (5 s). On the side of a partition
 * without the majority, in the seconds before that side notices it is cut off, every write whose partition it
 * owns "succeeds" that way, and the majority, which promotes its own copy of the partition, never sees it. A
 * lease renewed like that lets a cut-off owner keep serving a VIP the others have moved; a lock granted like that
 * is one the others grant again (both found by the failover torture test). So a write counts only if every member
 * present when it began is still present when it returned, and it returned before the backup timeout could have
 * completed it.
 */
public final class MajorityWrites {
    /** Under Hazelcast's default backup timeout (hazelcast.operation.backup.timeout.millis, 5 s). */
    static final Duration LONGEST = Duration.ofSeconds(4);

    private final Cluster cluster;

    public MajorityWrites(HazelcastInstance hz) {
        this.cluster = hz.getCluster();
    }

    /** What a write did: its result, and whether that result is known to be on a majority. */
    public record Outcome<T>(T result, boolean onMajority) {
    }

    /** Runs {@code write} and tells whether its result is known to be on a majority. */
    public <T> Outcome<T> run(Supplier<T> write) {
        Set<UUID> before = members();
        long start = System.nanoTime();
        T result = write.get();
        boolean quick = System.nanoTime() - start < LONGEST.toNanos();
        return new Outcome<>(result, quick && members().containsAll(before));
    }

    private Set<UUID> members() {
        return cluster.getMembers().stream().map(Member::getUuid).collect(Collectors.toSet());
    }
}
