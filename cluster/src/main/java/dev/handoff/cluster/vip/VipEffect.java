package dev.handoff.cluster.vip;

/**
 * What {@link VipOwnership} asks its edge to do, in the order given. The machine reads no clock, writes no
 * table and touches no interface; the edge carries these out and reports back through {@link VipInput}.
 */
public sealed interface VipEffect {

    /**
     * Replace the row {@code expected} with {@code next} if and only if the table still holds {@code expected}
     * (quorum-protected), then answer with {@link VipInput.WriteResult}.
     */
    record WriteRecord(VipRecord expected, VipRecord next) implements VipEffect {
    }

    /**
     * Bring the address up on this node's interface. The listener for the VIP is already bound (freebind), so
     * the first SYN after the address appears is accepted, but requests are not dispatched before
     * {@link StartServing}.
     */
    record AddAddress(VipId vip) implements VipEffect {
    }

    /** Gratuitous ARP / unsolicited neighbour advertisement for the address just added. */
    record Announce(VipId vip) implements VipEffect {
    }

    /** Crash takeover: send tickle ACKs to every client connection recorded for the VIP (DESIGN.md §5). */
    record SendTickles(VipId vip) implements VipEffect {
    }

    /** Dispatch requests arriving on the VIP, under {@code epoch}. */
    record StartServing(VipId vip, long epoch) implements VipEffect {
    }

    /**
     * Handoff stage 1: stop accepting on the VIP, stop reading new requests, let in-flight calls reply, within
     * the drain deadline; then answer with {@link VipInput.DrainDone} (always, even after a lease expiry).
     */
    record StopServing(VipId vip) implements VipEffect {
    }

    /** Handoff stage 2 on the old owner, or the lease ran out: take the address off the interface. */
    record RemoveAddress(VipId vip) implements VipEffect {
    }

    /** Handoff stage 3: reset every connection left on the VIP (a request read but not answered would hang). */
    record CloseConnections(VipId vip) implements VipEffect {
    }

    /** This draining node holds no VIP any more: the waiting {@code node drain} command may return. */
    record NodeDrained(NodeId node) implements VipEffect {
    }
}
