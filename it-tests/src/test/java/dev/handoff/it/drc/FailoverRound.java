package dev.handoff.it.drc;

import java.time.Duration;
import java.util.List;

/**
 * One non-idempotent call lost in a crash: sent through the VIP, executed by the owner (its effect is on the
 * shared disk and its reply sits unread in the client's socket), then the owner is killed before the client read
 * the reply. The client resets, reconnects from the same address and port to whichever node took the VIP over,
 * and retransmits the same record. RFC 1813 §4.4 and DESIGN.md §3: the shared reply cache must answer it with the
 * first reply, where running it again would say NOENT or EXIST.
 *
 * <pre>
 *   send(xid X) --> owner runs it --> effect on disk + reply unread --> kill -9 owner, link down
 *        --> RST, reconnect from CLIENT:port (until the VIP answers) --> resend X --> reply from the new owner
 * </pre>
 */
final class FailoverRound {
    private static final Duration EFFECT = Duration.ofSeconds(10);
    private static final Duration RETRANSMIT = Duration.ofSeconds(40);

    /** The effect of the call as the shared file system shows it. */
    @FunctionalInterface
    interface Effect {
        boolean visible() throws Exception;
    }

    /**
     * @param takeoverMillis from the kill to the first connection the VIP accepted again
     * @param replyMillis    from the kill to the reply to the retransmission
     * @param cacheHits      replies the new owner took from its reply cache during the round
     */
    record Outcome(String name, int oldOwner, int newOwner, long xid, Retransmission retransmission,
                   long takeoverMillis, long replyMillis, long cacheHits) {
        ProbeReply reply() {
            return retransmission.reply();
        }

        String describe() {
            return String.format("%-16s xid %d: %s -> %s, takeover %d ms, reply %d ms after the kill, %d connects, "
                    + "%d sends, status %d, %d cache hits", name, xid, DrcCluster.name(oldOwner),
                    newOwner < 0 ? "?" : DrcCluster.name(newOwner), takeoverMillis, replyMillis,
                    retransmission.connects(), retransmission.sends(), reply().status(), cacheHits);
        }
    }

    private FailoverRound() {
    }

    static Outcome run(DrcCluster cluster, ProbeProcess probe, String name, Effect effect, String... call)
            throws Exception {
        int owner = cluster.awaitVipOwner(Duration.ofSeconds(30));
        long xid = probe.send(call);
        awaitEffect(effect, name);
        int unread = probe.unread(EFFECT);
        if (unread == 0) {
            throw new AssertionError(name + ": the owner did the call but its reply never reached the client");
        }
        long[] hitsBefore = new long[DrcCluster.SIZE];
        for (int i = 0; i < DrcCluster.SIZE; i++) {
            hitsBefore[i] = i == owner ? 0 : cluster.cacheHits(i);
        }
        long killedAt = System.currentTimeMillis();
        cluster.crash(owner);
        Retransmission r = probe.retransmit(RETRANSMIT);
        if (cluster.holdsVip(owner)) {
            // Its kernel must have dropped the address before the takeover (a lifetime shorter than the lease).
            throw new AssertionError(name + ": the killed node " + DrcCluster.name(owner)
                    + " still has the VIP after another node took it over: two nodes answer for one address");
        }
        List<Integer> holders = cluster.vipHolders();
        int newOwner = holders.size() == 1 ? holders.getFirst() : -1;
        long hits = newOwner < 0 ? 0 : cluster.cacheHits(newOwner) - hitsBefore[newOwner];
        return new Outcome(name, owner, newOwner, xid, r, r.connectedAt() - killedAt, r.repliedAt() - killedAt,
                hits);
    }

    private static void awaitEffect(Effect effect, String name) throws Exception {
        long end = System.nanoTime() + EFFECT.toNanos();
        while (!effect.visible()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(name + ": the call's effect never showed on the shared directory");
            }
            Thread.sleep(10);
        }
    }
}
