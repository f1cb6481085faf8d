package dev.handoff.it.soak;

import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What every thread of the load shares: where the server is, the export and its root handle, the call encoder,
 * the counters, the GRANTED callbacks received, and when to stop.
 */
record LoadContext(InetAddress server, String export, Opaque root, SoakCalls calls, LoadCounters counters,
                   CallbackServer callbacks, long deadlineNanos) {
    static final Duration CONNECT = Duration.ofSeconds(10);
    /** How long a call waits for its reply before the connection counts as broken. */
    static final Duration REPLY = Duration.ofSeconds(10);

    boolean over() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    InetSocketAddress nfs() {
        return new InetSocketAddress(server, SoakCalls.NFS_PORT);
    }

    InetSocketAddress mount() {
        return new InetSocketAddress(server, SoakCalls.MOUNT_PORT);
    }

    InetSocketAddress nlm() {
        return new InetSocketAddress(server, SoakCalls.NLM_PORT);
    }

    /** Sleeps, but not past the end of the run. */
    void pause(Duration d) throws InterruptedException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        Thread.sleep(Math.max(0, Math.min(d.toMillis(), left)));
    }
}
