package dev.handoff.rpc.cache;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded in-memory duplicate reply cache for one node (RFC 1813 §4.4 on non-idempotent retransmissions).
 *
 * <p>The failure it prevents: a client's REMOVE succeeds, the reply is lost, the client retransmits, and a
 * second execution answers NFS3ERR_NOENT for a file the client did remove. So the first reply is kept and
 * replayed, and a copy that arrives while the first is still running is dropped rather than run twice.
 *
 * <pre>
 *   (absent) --begin--> IN_PROGRESS --complete--> DONE(reply) --ttl or eviction--> (absent)
 *                            |--abandon, or older than the ttl (its worker died)--> (absent)
 * </pre>
 *
 * Entries stay for a TTL (default 180 s, as long as a Linux client retries) counted from completion, and a
 * replay restarts it, since the client is evidently still retrying. The cache holds at most {@code maxEntries}
 * entries and {@code maxBytes} of replies; room is made by evicting the least recently used DONE entries, never
 * an IN_PROGRESS one: when only those are left, the call runs uncached. All methods take one lock; callers are
 * worker threads whose calls take far longer than a map update.
 */
public final class LocalReplyCache implements ReplyCache {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(180);
    public static final int DEFAULT_MAX_ENTRIES = 65_536;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private record Done(Opaque reply, Instant at) {
    }

    private final InstantSource clock;
    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;
    /** Calls being executed, oldest first, with the time they began. */
    private final LinkedHashMap<ReplyCacheKey, Instant> inProgress = new LinkedHashMap<>();
    /** Completed calls, least recently completed or replayed first. */
    private final LinkedHashMap<ReplyCacheKey, Done> done = new LinkedHashMap<>();
    private long bytes;
    private long hits;
    private long drops;
    private long evictions;
    private long uncached;

    public LocalReplyCache(InstantSource clock) {
        this(clock, DEFAULT_TTL, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    public LocalReplyCache(InstantSource clock, Duration ttl, int maxEntries, long maxBytes) {
        this.clock = Objects.requireNonNull(clock);
        if (ttl.isNegative() || ttl.isZero() || maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("ttl, maxEntries and maxBytes must be positive");
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized Lookup begin(ReplyCacheKey key) {
        Instant now = clock.instant();
        expire(now);
        Done d = done.remove(key);
        if (d != null) {
            hits++;
            done.put(key, new Done(d.reply(), now));
            return new Lookup.Replay(d.reply());
        }
        if (inProgress.containsKey(key)) {
            drops++;
            return new Lookup.InProgress();
        }
        while (inProgress.size() + done.size() >= maxEntries && !done.isEmpty()) {
            evictOldestDone();
        }
        if (inProgress.size() >= maxEntries) {
            uncached++;
            return new Lookup.Execute();
        }
        inProgress.put(key, now);
        return new Lookup.Execute();
    }

    /** Stores the reply of a call that {@link #begin} marked in progress; any other key is ignored. */
    @Override
    public synchronized void complete(ReplyCacheKey key, Opaque encodedReply) {
        Instant now = clock.instant();
        expire(now);
        if (inProgress.remove(key) == null) {
            return;
        }
        if (encodedReply.length() > maxBytes) {
            uncached++;
            return;
        }
        while (bytes + encodedReply.length() > maxBytes) {
            evictOldestDone();
        }
        done.put(key, new Done(encodedReply, now));
        bytes += encodedReply.length();
    }

    @Override
    public synchronized void abandon(ReplyCacheKey key) {
        inProgress.remove(key);
    }

    private void evictOldestDone() {
        Iterator<Done> it = done.values().iterator();
        bytes -= it.next().reply().length();
        it.remove();
        evictions++;
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(ttl);
        for (Iterator<Map.Entry<ReplyCacheKey, Done>> it = done.entrySet().iterator(); it.hasNext(); ) {
            Done d = it.next().getValue();
            if (d.at().isAfter(cutoff)) {
                break;
            }
            bytes -= d.reply().length();
            it.remove();
        }
        for (Iterator<Instant> it = inProgress.values().iterator(); it.hasNext(); ) {
            if (it.next().isAfter(cutoff)) {
                break;
            }
            it.remove();
        }
    }

    @Override
    public boolean answersLocally() {
        return true;
    }

    /** Retransmissions answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Retransmissions dropped because the first copy was still running. */
    public synchronized long drops() {
        return drops;
    }

    /** DONE entries evicted to make room before their TTL ran out. */
    public synchronized long evictions() {
        return evictions;
    }

    /** Calls run without caching: no room beside IN_PROGRESS entries, or a reply larger than the cache. */
    public synchronized long uncached() {
        return uncached;
    }

    /** Entries held now, IN_PROGRESS and DONE. */
    public synchronized int entries() {
        return inProgress.size() + done.size();
    }

    /** Bytes of replies held now. */
    public synchronized long bytes() {
        return bytes;
    }
}
