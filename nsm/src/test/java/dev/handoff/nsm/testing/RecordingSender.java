package dev.handoff.nsm.testing;

import dev.handoff.nsm.notify.NotifySender;
import dev.handoff.nsm.state.NotifyTarget;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link NotifySender} that answers at once: each peer fails as many times as it was told to (with
 * {@link #failures}), then acknowledges. Every attempt is recorded with its time.
 */
public final class RecordingSender implements NotifySender {
    /** One attempt. */
    public record Attempt(NotifyTarget target, int state, Instant at) {
    }

    private final InstantSource clock;
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    private final Map<String, Throwable> failWith = new HashMap<>();
    public final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    public RecordingSender(InstantSource clock) {
        this.clock = clock;
    }

    /** The next {@code count} attempts to {@code peer} fail with {@code cause}. */
    public synchronized RecordingSender failures(String peer, int count, Throwable cause) {
        failuresLeft.put(peer, count);
        failWith.put(peer, cause);
        return this;
    }

    public synchronized RecordingSender failures(String peer, int count) {
        return failures(peer, count, new IOException("no reply from " + peer));
    }

    public List<Instant> attemptTimes(String peer) {
        return attempts.stream().filter(a -> a.target().peer().equals(peer)).map(Attempt::at).toList();
    }

    @Override
    public CompletableFuture<Void> send(NotifyTarget target, int state) {
        attempts.add(new Attempt(target, state, clock.instant()));
        synchronized (this) {
            int left = failuresLeft.getOrDefault(target.peer(), 0);
            if (left > 0) {
                failuresLeft.put(target.peer(), left - 1);
                return CompletableFuture.failedFuture(failWith.get(target.peer()));
            }
        }
        return CompletableFuture.completedFuture(null);
    }
}
