package dev.handoff.cluster.vip;

/** The state a {@link VipRecord} publishes to the cluster. */
public enum VipState {
    /** The owner holds the lease and serves (or is bringing the address up to serve). */
    SERVING,
    /** The owner is draining the VIP for a planned move to the record's target; it no longer renews. */
    RELEASING,
    /** Nobody owns the VIP: any node may claim it at once, bumping the epoch. */
    FREE,
    /**
     * The old owner finished draining and named the new owner with the next epoch; the new owner turns it into
     * {@link #SERVING} with its own write before serving anything.
     */
    ACQUIRING
}
