package dev.handoff.rpc.dispatch;

import java.net.InetSocketAddress;

/**
 * Whether this node may execute, right now, a call that reached it on a given local address. In a cluster a
 * call that came in on a VIP may run only while this node's lease on that VIP lasts: a node that was frozen
 * (SIGSTOP, a long pause) with calls already read wakes up after another node took the VIP over, and must not
 * then execute them behind the new owner's back. A refused call gets no reply; the client retransmits to the
 * address, which leads to the new owner.
 */
@FunctionalInterface
public interface CallGate {
    /** Every call runs: a single server. */
    CallGate OPEN = local -> null;

    /** Null when a call that arrived on {@code local} may execute now; otherwise why not, for the logs. */
    String refusal(InetSocketAddress local);
}
