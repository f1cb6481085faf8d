package dev.handoff.cluster.membership;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
    private final Rounds rounds = new Rounds();

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
     * Waits no longer than the quorum needs: at most {@link #CONFIRM_WAIT} for its own question, and as long again
     * for the one out when it asked.
     *
     * <p>One question is out at a time: threads that ask while one is out are asked about together, by whichever of
     * them goes first once it is back ({@link Rounds}). Each was asked after its write returned, which is all the
     * check needs, and 32 calls in flight cost the other members a few questions instead of 32.
     */
    public boolean confirmedByQuorum(Object key) {
        if (quorum - 1 <= 0) {
            return true;
        }
        Member owner = hz.getPartitionService().getPartition(key).getOwner();
        return owner != null && rounds.confirm(key, owner.getUuid());
    }

    /** Asks the other members about every key of a round at once; {@code true} where a quorum agrees. */
    private boolean[] ask(List<Object> keys, List<UUID> owners) {
        int needed = quorum - 1;
        int n = keys.size();
        boolean[] confirmed = new boolean[n];
        List<Member> others = cluster.getMembers().stream().filter(m -> !m.localMember()).toList();
        if (others.size() < needed) {
            return confirmed;
        }
        UUID self = cluster.getLocalMember().getUuid();
        AtomicIntegerArray held = new AtomicIntegerArray(n);
        AtomicInteger quorate = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger(others.size());
        CompletableFuture<Void> settled = new CompletableFuture<>();
        IExecutorService executor = hz.getExecutorService(EXECUTOR);
        // One member's answer, key by key; null when it gave none.
        Consumer<boolean[]> answer = sees -> {
            for (int i = 0; i < n && sees != null && i < sees.length; i++) {
                if (sees[i] && held.incrementAndGet(i) == needed && quorate.incrementAndGet() == n) {
                    settled.complete(null);
                }
            }
            if (unanswered.decrementAndGet() == 0) {
                settled.complete(null);
            }
        };
        for (Member m : others) {
            whenAnswered(executor.submitToMember(new SameOwnersCheck(keys, owners, self), m), (sees, failure) -> {
                if (failure == null) {
                    answer.accept(sees);
                } else {
                    // A member of an earlier version cannot read the batched check: ask it key by key.
                    try {
                        askOneByOne(executor, m, keys, owners, self, answer);
                    } catch (RuntimeException e) {
                        answer.accept(null);
                    }
                }
            });
        }
        // Waits out an interrupt: the threads of the round wait on this answer too. The flag is set again after.
        boolean interrupted = false;
        long deadline = System.nanoTime() + CONFIRM_WAIT.toNanos();
        while (!settled.isDone()) {
            try {
                settled.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                continue;
            } catch (TimeoutException | ExecutionException e) {
                // What has answered by now counts.
            }
            break;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < n; i++) {
            confirmed[i] = held.get(i) >= needed;
        }
        return confirmed;
    }

    /** {@link SameOwnerCheck} for each key, the answers put together as one member's. */
    private static void askOneByOne(IExecutorService executor, Member m, List<Object> keys, List<UUID> owners,
                                    UUID self, Consumer<boolean[]> answer) {
        boolean[] sees = new boolean[keys.size()];
        AtomicInteger left = new AtomicInteger(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            int at = i;
            Future<Boolean> one = executor.submitToMember(new SameOwnerCheck(keys.get(i), owners.get(i), self), m);
            whenAnswered(one, (same, failure) -> {
                sees[at] = Boolean.TRUE.equals(same);
                if (left.decrementAndGet() == 0) {
                    answer.accept(sees);
                }
            });
        }
    }

    /**
     * Runs {@code then} on the thread that completes {@code asked}: Hazelcast's own callbacks (ExecutionCallback,
     * whenComplete) run on its shared async pool, one more thread to wake per answer. Hazelcast 5's executor
     * futures are completion stages (MajorityWritesTest would fail at once were they not).
     */
    @SuppressWarnings("unchecked")
    private static <T> void whenAnswered(Future<T> asked, BiConsumer<T, Throwable> then) {
        ((CompletionStage<T>) asked).whenCompleteAsync(then, Runnable::run);
    }

    /**
     * Group confirmation: the first thread to ask sends its question at once; threads that ask while it is out join
     * the next round, which the first of them to wake sends when the one out returns. A thread interrupted while it
     * waits is answered "not confirmed"; its key may still be asked about, for nothing.
     */
    private final class Rounds {
        private Round collecting;
        private boolean out;

        boolean confirm(Object key, UUID owner) {
            Round round;
            int slot;
            synchronized (this) {
                if (collecting == null) {
                    collecting = new Round();
                }
                round = collecting;
                slot = round.add(key, owner);
                while (out && collecting == round) {
                    if (!await()) {
                        return false;
                    }
                }
                if (collecting == round) {
                    collecting = null;
                    out = true;
                } else {
                    while (round.confirmed == null) {
                        if (!await()) {
                            return false;
                        }
                    }
                    return round.confirmed[slot];
                }
            }
            boolean[] confirmed = null;
            try {
                confirmed = ask(round.keys, round.owners);
            } finally {
                synchronized (this) {
                    round.confirmed = confirmed != null ? confirmed : new boolean[round.keys.size()];
                    out = false;
                    notifyAll();
                }
            }
            return confirmed[slot];
        }

        private boolean await() {
            try {
                wait();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The keys of one round of confirmation and, once it is back, its answers. */
    private static final class Round {
        final List<Object> keys = new ArrayList<>();
        final List<UUID> owners = new ArrayList<>();
        boolean[] confirmed;

        int add(Object key, UUID owner) {
            keys.add(key);
            owners.add(owner);
            return keys.size() - 1;
        }
    }

    private Set<UUID> members() {
        return cluster.getMembers().stream().map(Member::getUuid).collect(Collectors.toSet());
    }
}
