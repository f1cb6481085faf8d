package dev.handoff.rpc.dispatch;

/** Whether a procedure's replies go into the duplicate reply cache (knfsd's RC_NOCACHE / RC_REPLBUFF). */
public enum CachePolicy {
    /** Idempotent: a retransmission is simply executed again. */
    NONE,
    /**
     * Non-idempotent: a retransmission gets the first execution's reply, never a second execution. A second run
     * would answer differently (REMOVE: NOENT), so a node that runs a retransmission must also see that another
     * node began the call: see {@link dev.handoff.rpc.cache.ReplyCache#begin}.
     */
    REPLY,
    /**
     * Non-idempotent only against later calls: run twice with nothing in between, it changes and answers the same
     * (WRITE of the same bytes to the same place), but a late retransmission must not undo a later call, so its
     * reply is cached as for {@link #REPLY}. Only the reply must be seen by other nodes, not the mark of a run in
     * progress ({@link dev.handoff.rpc.cache.ReplyCache#beginRepeatable}).
     */
    REPLY_REPEATABLE;

    /** Whether the call's reply is kept in the reply cache. */
    public boolean cached() {
        return this != NONE;
    }
}
