package dev.handoff.cluster.vip;

import java.time.Instant;

/**
 * A compare-and-set this node sent and has not heard back about: {@code sentAt} this attempt (for the write
 * timeout), {@code firstSent} the first attempt at the same row (where a lease gained by it starts).
 */
record Write(VipRecord expected, VipRecord next, Instant sentAt, Instant firstSent) {
    VipEffect.WriteRecord effect() {
        return new VipEffect.WriteRecord(expected, next);
    }
}
