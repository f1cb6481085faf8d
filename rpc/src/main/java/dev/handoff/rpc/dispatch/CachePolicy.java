package dev.handoff.rpc.dispatch;

/** Whether a procedure's replies go into the duplicate reply cache (knfsd's RC_NOCACHE / RC_REPLBUFF). */
public enum CachePolicy {
    /** Idempotent: a retransmission is simply executed again. */
    NONE,
    /** Non-idempotent: a retransmission gets the first execution's reply, never a second execution. */
    REPLY
}
