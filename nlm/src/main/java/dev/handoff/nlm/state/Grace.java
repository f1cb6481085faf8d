package dev.handoff.nlm.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The grace period after the lock table was lost (XNFS §10 "Crash recovery"): a pure value with its transitions.
 *
 * <pre>
 *   NONE --StartGrace(expected)--> ACTIVE(endsAt, pending = expected)
 *   ACTIVE --every pending client done--> NONE      (early end)
 *   ACTIVE --now >= endsAt-----------------> NONE   (timeout)
 * </pre>
 *
 * A client is <em>done</em> when it (a) sends any non-reclaim request after having sent at least one reclaim: the
 * Linux client holds back all other calls to a server until its reclaims are finished, so this marks the end of
 * its recovery; a non-reclaim request without an earlier reclaim proves nothing, since the client may not have
 * seen our SM_NOTIFY yet; or (b) sends FREE_ALL, or NSM reports it rebooted: it then has nothing to reclaim.
 * Clients outside the expected set neither delay nor end grace.
 */
public record Grace(Instant endsAt, Set<String> pending, Set<String> reclaimed) {
    public static final Grace NONE = new Grace(Instant.MIN, Set.of(), Set.of());

    public Grace {
        Objects.requireNonNull(endsAt, "endsAt");
        pending = Set.copyOf(pending);
        reclaimed = Set.copyOf(reclaimed);
    }

    /** NONE at once when no client is expected: nobody can reclaim anything. */
    public static Grace start(Instant now, Duration period, Set<String> expected) {
        return expected.isEmpty() || period.isZero() ? NONE : new Grace(now.plus(period), expected, Set.of());
    }

    public boolean active(Instant now) {
        return now.isBefore(endsAt);
    }

    public Grace reclaimBy(String client) {
        if (!pending.contains(client) || reclaimed.contains(client)) {
            return this;
        }
        Set<String> r = new HashSet<>(reclaimed);
        r.add(client);
        return new Grace(endsAt, pending, r);
    }

    public Grace requestBy(String client) {
        return reclaimed.contains(client) ? done(client) : this;
    }

    public Grace done(String client) {
        if (!pending.contains(client)) {
            return this;
        }
        Set<String> p = new HashSet<>(pending);
        p.remove(client);
        if (p.isEmpty()) {
            return NONE;
        }
        Set<String> r = new HashSet<>(reclaimed);
        r.remove(client);
        return new Grace(endsAt, p, r);
    }
}
