package dev.handoff.cluster.address;

/**
 * What a raw-socket sender did. Announcements and tickles are best effort: a VIP is still served without them,
 * only clients notice the move later, so a missing capability is reported rather than thrown.
 */
public sealed interface SendResult {

    /** {@code packets} were handed to the kernel. */
    record Sent(int packets) implements SendResult {
    }

    /** Nothing was sent, on purpose: {@code reason} says why (no CAP_NET_RAW, a manual address manager). */
    record Skipped(String reason) implements SendResult {
    }

    /** Sending was tried and failed: {@code reason} names the call and the error. */
    record Failed(String reason) implements SendResult {
    }
}
