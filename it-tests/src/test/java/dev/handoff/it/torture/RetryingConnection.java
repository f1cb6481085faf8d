package dev.handoff.it.torture;

import dev.handoff.it.rpc.RecordSocket;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One RPC-over-TCP connection from a fixed source address and port, as the Linux client keeps one (it reuses the
 * port on reconnect, and the duplicate reply cache keys on address, port and xid: DESIGN.md §3). A call is sent
 * until answered: when the connection breaks, or no reply came within {@link #RESEND_AFTER} (the server may be
 * frozen, or the VIP gone to a node that will answer the next SYN with an RST), the connection is reset and the
 * same record goes out again on a new one from the same port, until {@code giveUp} has passed.
 */
final class RetryingConnection implements AutoCloseable {
    static final Duration RESEND_AFTER = Duration.ofSeconds(3);
    private static final Duration CONNECT_TRY = Duration.ofMillis(500);

    private final InetSocketAddress source;
    private final InetSocketAddress server;
    private RecordSocket socket;

    RetryingConnection(InetSocketAddress source, InetSocketAddress server) {
        this.source = source;
        this.server = server;
    }

    /** A reply (null when none came in time) and the effort: sends of the record, connections opened. */
    record Exchange(Opaque reply, int sends, int connects) {
    }

    Exchange call(byte[] record, Duration giveUp) throws InterruptedException {
        long end = System.nanoTime() + giveUp.toNanos();
        int xid = WireReply.xid(record);
        int sends = 0;
        int connects = 0;
        while (System.nanoTime() < end) {
            try {
                if (socket == null) {
                    connects++;
                    socket = RecordSocket.connect(source, server, CONNECT_TRY);
                }
                socket.send(record);
                sends++;
                long wait = System.nanoTime() + RESEND_AFTER.toNanos();
                for (byte[] reply = receive(wait); reply != null; reply = receive(wait)) {
                    if (WireReply.xid(reply) == xid) {
                        return new Exchange(Opaque.copyOf(reply), sends, connects);
                    }
                    // a late reply to an earlier call: not this one's answer
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
            reset();
        }
        return new Exchange(null, sends, connects);
    }

    /** The next whole record, or null when none arrived by {@code deadline} (System.nanoTime). */
    private byte[] receive(long deadline) throws IOException {
        return socket.receive(Duration.ofNanos(deadline - System.nanoTime()));
    }

    /** Closes with an RST, so that the port is free again at once, without TIME_WAIT. */
    void reset() {
        if (socket != null) {
            socket.reset();
            socket = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
