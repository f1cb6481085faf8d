package dev.handoff.rpc.cache;

import dev.handoff.rpc.xdr.Opaque;

/**
 * The duplicate reply cache SPI. Before a non-idempotent call runs, {@link #begin} says whether to run it, drop
 * it (it is still running: this is a retransmission) or send the reply the first run produced. After the run,
 * {@link #complete} stores the encoded reply; the cluster module backs this with a replicated map.
 */
public interface ReplyCache {

    Lookup begin(ReplyCacheKey key);

    /**
     * {@link #begin} for a call that, run a second time with nothing in between, changes and answers the same
     * ({@code CachePolicy.REPLY_REPEATABLE}): the in-progress mark need only stop a copy on this node, since a
     * copy run elsewhere after this node left does no harm, so a shared cache may keep the mark here and only
     * look for a completed reply.
     */
    default Lookup beginRepeatable(ReplyCacheKey key) {
        return begin(key);
    }

    void complete(ReplyCacheKey key, Opaque encodedReply);

    /** The run ended without a reply to keep (the call was dropped); forget the in-progress mark. */
    void abandon(ReplyCacheKey key);

    /**
     * Whether {@link #begin}, {@link #complete} and {@link #abandon} answer from this process's memory, never
     * waiting on another machine; only then may a cached procedure's call run on an event loop.
     */
    default boolean answersLocally() {
        return false;
    }

    sealed interface Lookup {
        /**
         * Execute, then {@link #complete}. {@code earlierRunLost}: a copy of this call began before, on a node that
         * left the cluster or never finished it, and no reply was kept; its effects may already be in place.
         */
        record Execute(boolean earlierRunLost) implements Lookup {
            /** First time seen. */
            public Execute() {
                this(false);
            }
        }

        /** Same call is executing now: drop this copy. */
        record InProgress() implements Lookup {
        }

        /** Already executed: resend this reply. */
        record Replay(Opaque encodedReply) implements Lookup {
        }
    }

    /** A cache that remembers nothing. */
    ReplyCache NONE = new ReplyCache() {
        @Override
        public Lookup begin(ReplyCacheKey key) {
            return new Lookup.Execute();
        }

        @Override
        public void complete(ReplyCacheKey key, Opaque encodedReply) {
        }

        @Override
        public void abandon(ReplyCacheKey key) {
        }

        @Override
        public boolean answersLocally() {
            return true;
        }
    };
}
