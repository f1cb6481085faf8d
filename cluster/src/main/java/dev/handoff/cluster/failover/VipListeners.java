package dev.handoff.cluster.failover;

import dev.handoff.rpc.transport.ListenerGroup;
import dev.handoff.rpc.transport.RpcServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The RPC server's side of a VIP: one {@link ListenerGroup} per VIP address, bound before the address comes up
 * (IP_FREEBIND), so that the first SYN after the address appears finds a listener. A group is single-use (a
 * drain closes its listeners), so after each departure a fresh one is bound, ready for the next arrival.
 */
public final class VipListeners {
    private final RpcServer rpc;

    public VipListeners(RpcServer rpc) {
        this.rpc = rpc;
    }

    /** Binds every port on {@code vip} if nothing is bound there yet. */
    public void ensureListening(InetAddress vip) throws IOException {
        if (rpc.group(vip).isEmpty()) {
            rpc.listen(vip);
        }
    }

    /** Stage 1: stop accepting, stop reading requests, wait for in-flight calls to reply (true) or the deadline. */
    public CompletableFuture<Boolean> drain(InetAddress vip, Duration deadline) {
        return rpc.group(vip).map(g -> g.drain(deadline)).orElse(CompletableFuture.completedFuture(true));
    }

    /** FIN on every connection (the peer reads what was sent, then end of stream). */
    public CompletableFuture<Void> halfClose(InetAddress vip) {
        return rpc.group(vip).map(ListenerGroup::halfClose).orElse(CompletableFuture.completedFuture(null));
    }

    /** Resets every connection on {@code vip} and closes the group; nothing listens there afterwards. */
    public int reset(InetAddress vip) {
        var group = rpc.group(vip);
        int reset = 0;
        if (group.isPresent()) {
            reset = group.get().connections().size();
            group.get().abort().join();
            rpc.remove(group.get());
        }
        return reset;
    }

    /**
     * Resets every connection on {@code vip}, closes the group and binds a fresh one for the next arrival. Only
     * once the address is gone from here: a fresh listener under a present address would accept clients that
     * nobody serves.
     */
    public int resetAndRebind(InetAddress vip) throws IOException {
        int reset = reset(vip);
        rpc.listen(vip);
        return reset;
    }
}
