package dev.handoff.cluster.state;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.handoff.cluster.membership.MajorityWrites;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.dispatch.CallUnavailableException;
import dev.handoff.rpc.xdr.Opaque;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate reply cache shared by the cluster (RFC 1813 §4.4), so that a retransmission that reaches another
 * member after an address moved is replayed or dropped there, not run twice.
 *
 * <p>The failure it prevents: node A runs a client's REMOVE, the address moves to B before the client has the
 * reply, the client retransmits to B, and B's second run answers NFS3ERR_NOENT for a file the client did remove.
 *
 * <pre>
 *   (absent) --begin: putIfAbsent--> IN_PROGRESS(owner, startedAt) --complete: set--> DONE(reply) --ttl--> (absent)
 *                                        |--abandon by its owner--> (absent)
 *                                        |--begin, owner left the cluster or older than the ttl--> IN_PROGRESS(us)
 * </pre>
 *
 * {@link #complete} returns only once the entry's synchronous backup has it: the dispatcher sends the reply
 * after {@code complete}, so a reply the client saw is always on two members. Every entry lives for the TTL
 * (180 s by default, as long as a Linux client retries), counted from its last write; a replay restarts it. Each
 * member holds at most {@code maxBytesPerNode} of entries (Hazelcast's own estimate of their heap cost, in whole
 * MiB) and evicts the least recently used beyond that, so a member cannot grow without bound however many calls
 * the cluster answers; an evicted IN_PROGRESS entry only means that a retransmission runs again, as it would
 * without a cache. Evictions on this member are counted ({@link #evictions}).
 *
 * <p>A stale IN_PROGRESS entry must not drop retransmissions for ever: one whose owner has left the cluster (it
 * crashed mid-call and will never complete it) or that began a TTL ago is taken over by compare-and-set, and the
 * call runs again, as it would have on a node without the entry. A crashed owner counts as gone once the
 * survivors drop it from the member list (at once when its connections close, else after Hazelcast's heartbeat
 * timeout); until then its retransmissions are dropped, and the client retries.
 *
 * <p>A call that, run twice with nothing in between, changes and answers the same (WRITE: {@link #beginRepeatable})
 * takes no shared mark: its in-progress mark stays in this member's memory, where it drops a copy arriving here
 * while the first runs, and {@code begin} only reads the map for a completed reply. A shared mark would buy such a
 * call nothing (a copy run elsewhere after this member left does what a takeover of the mark would let it do) and
 * costs two cluster round trips: the mark and its confirmation. Its reply is stored as any other. The one case
 * where another member must see the run, its VIP moving while it still runs, shares the mark then
 * ({@link #shareRunning}).
 *
 * <p>A map operation that fails (the member lost its quorum) throws out of {@link #begin}, as a
 * {@code CallUnavailableException} when it is the quorum, and the call is not run: a node that cannot reach the
 * shared cache is about to give up its addresses anyway.
 */
public final class HazelcastReplyCache implements ReplyCache {
    private static final Logger log = LoggerFactory.getLogger(HazelcastReplyCache.class);
    public static final String DEFAULT_MAP = "handoff.rpc.drc";
    /** Attempts to take over a stale entry before giving up and dropping the copy; the client retransmits. */
    private static final int ATTEMPTS = 3;

    /**
     * @param ttl how long an entry lives; whole seconds, at least one (Hazelcast's TTL granularity)
     * @param maxEntriesPerNode eviction starts on a member holding more entries than this; used only when
     *     {@code maxBytesPerNode} is 0, since a Hazelcast map has one size policy
     * @param maxBytesPerNode eviction starts on a member whose entries cost more heap than this (rounded up to
     *     whole MiB, Hazelcast's unit); 0 bounds entries instead
     */
    public record Settings(String mapName, Duration ttl, int maxEntriesPerNode, long maxBytesPerNode) {
        public static final Settings DEFAULT = new Settings(DEFAULT_MAP, Duration.ofSeconds(180), 65_536,
                64L * 1024 * 1024);
        private static final long MIB = 1024 * 1024;

        public Settings {
            Objects.requireNonNull(mapName, "mapName");
            if (ttl.toSeconds() < 1 || maxEntriesPerNode <= 0 || maxBytesPerNode < 0
                    || maxBytesPerNode / MIB >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ttl of at least 1 s, a positive maxEntriesPerNode and a "
                        + "maxBytesPerNode from 0 to 2^31 MiB wanted");
            }
        }

        /** Bounded by entries only (the tests' small maps). */
        public Settings(String mapName, Duration ttl, int maxEntriesPerNode) {
            this(mapName, ttl, maxEntriesPerNode, 0);
        }

        /** These settings with other bounds: {@code --reply-cache-max-entries} and {@code --reply-cache-max-bytes}. */
        public Settings withBounds(int entries, long bytes) {
            return new Settings(mapName, ttl, entries, bytes);
        }

        /** The byte bound in Hazelcast's unit, rounded up so it never comes out as 0 (no bound). */
        int maxMebibytes() {
            return (int) ((maxBytesPerNode + MIB - 1) / MIB);
        }
    }

    private final IMap<ReplyCacheKey, ReplyEntry> map;
    private final HazelcastInstance hz;
    /**
     * Both checks of an in-progress mark before its call may run: a mark that is on a cut-off minority only lets
     * the call run there (its reply lost with that side) while the majority, without the mark, runs the client's
     * retransmission as new (the failover torture saw a REMOVE answered NOENT so).
     */
    private final MajorityWrites majority;
    private final UUID self;
    private final Duration ttl;
    private final InstantSource clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private final LongAdder takeovers = new LongAdder();
    private final LongAdder uncached = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    /** The in-progress marks of {@link #beginRepeatable} calls running on this member; never in the map. */
    private final Set<ReplyCacheKey> runningHere = ConcurrentHashMap.newKeySet();

    /** @param quorum members, this one included, that make a majority (the cluster's split-brain protection) */
    public HazelcastReplyCache(HazelcastInstance hz, Settings settings, InstantSource clock, int quorum) {
        this.hz = hz;
        this.majority = new MajorityWrites(hz, quorum);
        this.map = hz.getMap(settings.mapName());
        this.self = hz.getCluster().getLocalMember().getUuid();
        this.ttl = Duration.ofSeconds(settings.ttl().toSeconds());
        this.clock = Objects.requireNonNull(clock);
        // Local: each member counts the evictions of the entries it owns, so the cluster's sum counts each once.
        map.addLocalEntryListener((com.hazelcast.map.listener.EntryEvictedListener<ReplyCacheKey, ReplyEntry>)
                e -> evictions.increment());
    }

    /**
     * The map this cache needs on every member: one synchronous backup, the TTL, per-member LRU eviction by heap
     * cost (or by entries, where Hazelcast enforces the size per partition, as that partition's share, so that bound
     * is approximate). A map config with an
     * exact name replaces any wildcard one, so the caller adds the cluster's split-brain protection to it.
     */
    public static MapConfig mapConfig(Settings settings) {
        EvictionConfig eviction = new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU);
        if (settings.maxBytesPerNode() > 0) {
            eviction.setMaxSizePolicy(MaxSizePolicy.USED_HEAP_SIZE).setSize(settings.maxMebibytes());
        } else {
            eviction.setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(settings.maxEntriesPerNode());
        }
        return new MapConfig(settings.mapName()).setBackupCount(1).setAsyncBackupCount(0)
                .setTimeToLiveSeconds((int) settings.ttl().toSeconds()).setEvictionConfig(eviction);
    }

    @Override
    public Lookup begin(ReplyCacheKey key) {
        try {
            return lookUpAndMark(key);
        } catch (SplitBrainProtectionException e) {
            throw new CallUnavailableException("the reply cache cannot be changed without the cluster's quorum", e);
        }
    }

    @Override
    public Lookup beginRepeatable(ReplyCacheKey key) {
        if (!runningHere.add(key)) {
            return drop();
        }
        Lookup lookup = null;
        try {
            Instant now = clock.instant();
            lookup = switch (map.get(key)) {
                case null -> new Lookup.Execute();
                case ReplyEntry.Done d -> replay(key, d);
                // A shared mark: a member running an older version began this call.
                case ReplyEntry.InProgress p when !stale(p, now) -> drop();
                case ReplyEntry.InProgress p -> new Lookup.Execute(true);
            };
            return lookup;
        } catch (SplitBrainProtectionException e) {
            throw new CallUnavailableException("the reply cache cannot be read without the cluster's quorum", e);
        } finally {
            if (!(lookup instanceof Lookup.Execute)) {
                runningHere.remove(key);
            }
        }
    }

    private Lookup lookUpAndMark(ReplyCacheKey key) {
        // Our own mark from an attempt whose write returned as a member left, or that too few members confirmed
        // (MajorityWrites): it may be on this side of a partition only, so it is written once more before the call
        // may run.
        ReplyEntry.InProgress unconfirmed = null;
        // The stale mark of a member that left, which ours replaced: put back if ours cannot be confirmed.
        ReplyEntry.InProgress takenFrom = null;
        boolean earlierRunLost = false;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            ReplyEntry.InProgress mine = new ReplyEntry.InProgress(self, now);
            if (unconfirmed != null) {
                ReplyEntry.InProgress before = unconfirmed;
                MajorityWrites.Change again = majority.compareAndSet(() -> map.replace(key, before, mine), key);
                if (again == MajorityWrites.Change.ON_MAJORITY) {
                    return new Lookup.Execute(earlierRunLost);
                }
                if (again != MajorityWrites.Change.NOT_APPLIED) {
                    unconfirmed = mine;
                    continue;
                }
                unconfirmed = null;
                // No longer our mark (taken over, or expired): look again from the start.
            }
            MajorityWrites.Outcome<ReplyEntry> put = majority.run(
                    () -> map.putIfAbsent(key, mine, ttl.toSeconds(), TimeUnit.SECONDS));
            switch (put.result()) {
                case null -> {
                    if (put.onMajority() && majority.confirmedByQuorum(key)) {
                        return new Lookup.Execute(earlierRunLost);
                    }
                    unconfirmed = mine;
                }
                case ReplyEntry.Done d -> {
                    return replay(key, d);
                }
                case ReplyEntry.InProgress p when !stale(p, now) -> {
                    return drop();
                }
                case ReplyEntry.InProgress p -> {
                    MajorityWrites.Change taken = majority.compareAndSet(() -> map.replace(key, p, mine), key);
                    if (taken != MajorityWrites.Change.NOT_APPLIED) {
                        takeovers.increment();
                        earlierRunLost = true;
                        takenFrom = p;
                        if (taken == MajorityWrites.Change.ON_MAJORITY) {
                            return new Lookup.Execute(true);
                        }
                        unconfirmed = mine;
                    }
                    // Else lost to another copy's takeover, or the entry completed or expired meanwhile: look again.
                }
            }
        }
        if (unconfirmed != null) {
            // Not run: a mark the new owner cannot see would let its retransmission there run as new (a REMOVE
            // answered NOENT). The client retransmits. Our mark goes, or the retransmission, should it come back
            // here, would be dropped as in progress until the TTL; on a cut-off side the removal stays there too.
            // A mark we took over goes back to the one it replaced, so that the next run is still told that an
            // earlier run may have happened.
            try {
                if (takenFrom != null) {
                    map.replace(key, unconfirmed, takenFrom);
                } else {
                    map.remove(key, unconfirmed);
                }
            } catch (RuntimeException e) {
                // The map refuses without the quorum: the mark stays only where nobody can read it anyway.
            }
            throw new CallUnavailableException("the reply cache's in-progress mark is not known to be on a majority "
                    + "(a member left, or too few confirmed it, each time it was written)", null);
        }
        return drop();
    }

    /** A retransmission of a completed call: its reply again, and the entry lives another TTL. */
    private Lookup replay(ReplyCacheKey key, ReplyEntry.Done d) {
        hits.increment();
        map.setTtl(key, ttl.toSeconds(), TimeUnit.SECONDS);
        return new Lookup.Replay(d.reply());
    }

    /** A retransmission of a call still running. */
    private Lookup drop() {
        drops.increment();
        return new Lookup.InProgress();
    }

    private boolean stale(ReplyEntry.InProgress p, Instant now) {
        return !p.startedAt().plus(ttl).isAfter(now) || !isMember(p.owner());
    }

    private boolean isMember(UUID uuid) {
        for (Member m : hz.getCluster().getMembers()) {
            if (m.getUuid().equals(uuid)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void complete(ReplyCacheKey key, Opaque encodedReply) {
        if (encodedReply.length() > ReplyEntrySerializer.MAX_REPLY) {
            uncached.increment();
            abandon(key);
            return;
        }
        try {
            map.set(key, new ReplyEntry.Done(encodedReply), ttl.toSeconds(), TimeUnit.SECONDS);
        } finally {
            // After the reply is stored: a copy arriving in between is dropped here, not run.
            runningHere.remove(key);
        }
    }

    /**
     * Shares the in-progress marks of {@link #beginRepeatable} calls still running here through {@code local}: the
     * VIP is about to move though its drain deadline passed with them running. The next owner then drops their
     * retransmissions until they end here (their replies replace the marks), as for any shared mark, instead of
     * running them beside the first run: a WRITE landing here after the client's next WRITE to the same place,
     * made on the next owner, would undo it. Answers how many marks were shared.
     */
    public int shareRunning(java.net.InetAddress local) {
        int shared = 0;
        for (ReplyCacheKey key : runningHere) {
            if (!key.local().getAddress().equals(local)) {
                continue;
            }
            try {
                // Absent only while the call runs: a stored reply is left as it is.
                if (map.putIfAbsent(key, new ReplyEntry.InProgress(self, clock.instant()), ttl.toSeconds(),
                        TimeUnit.SECONDS) == null) {
                    shared++;
                }
            } catch (RuntimeException e) {
                log.warn("could not share the mark of running xid {} before its VIP moves",
                        Integer.toUnsignedString(key.xid()), e);
            }
        }
        if (shared > 0) {
            log.warn("shared the marks of {} call(s) still running for {}: the next owner drops their "
                    + "retransmissions until they end here", shared, local.getHostAddress());
        }
        return shared;
    }

    /**
     * Forgets a mark kept on this member; a shared entry is removed only while it is this member's IN_PROGRESS
     * mark (one {@link #shareRunning} may have shared): another's takeover is left alone.
     */
    @Override
    public void abandon(ReplyCacheKey key) {
        runningHere.remove(key);
        if (map.get(key) instanceof ReplyEntry.InProgress p && p.owner().equals(self)) {
            map.remove(key, p);
        }
    }

    /** Retransmissions answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Retransmissions dropped because the first copy was still running. */
    public long drops() {
        return drops.sum();
    }

    /** Stale IN_PROGRESS entries taken over: their owner left, or they outlived the TTL. */
    public long takeovers() {
        return takeovers.sum();
    }

    /** Entries this member owned that were evicted to keep it within its bound, before their TTL ran out. */
    public long evictions() {
        return evictions.sum();
    }

    /** Entries this member owns now (its backups of others' entries not included). */
    public long entries() {
        return map.getLocalMapStats().getOwnedEntryCount();
    }

    /** Hazelcast's estimate of the heap this member's entries take, its own and the backups it keeps. */
    public long bytes() {
        var stats = map.getLocalMapStats();
        return stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost();
    }

    /** Replies too large to store; their calls are not protected against a second run. */
    public long uncached() {
        return uncached.sum();
    }
}
