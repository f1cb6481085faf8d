package dev.handoff.rpc.client;

import dev.handoff.rpc.xdr.XdrReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One call waiting for its reply. The record keeps its xid across tries: a server's duplicate reply cache
 * recognizes a retransmission only by it. Mutable fields belong to the client's event loop.
 */
final class PendingCall<R> {
    final int xid;
    /** For messages: "tcp /127.0.0.1:111 100000/2/3". */
    final String name;
    final byte[] record;
    final XdrReader<R> result;
    final CompletableFuture<R> future;

    /** Tries started so far. */
    int tries;
    /** The connection the latest try went out on (TCP); 0 for UDP. */
    int connection;
    /** Why the latest try failed before its timeout ran out (connection refused, write failed), or null. */
    Throwable lastFailure;
    ScheduledFuture<?> timer;

    PendingCall(int xid, String name, byte[] record, XdrReader<R> result, CompletableFuture<R> future) {
        this.xid = xid;
        this.name = name;
        this.record = record;
        this.result = result;
        this.future = future;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
