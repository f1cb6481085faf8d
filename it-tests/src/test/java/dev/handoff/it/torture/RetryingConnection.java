package dev.handoff.it.torture;

import dev.handoff.rpc.xdr.Opaque;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One RPC-over-TCP connection from a fixed source address and port, as the Linux client keeps one (it reuses the
 * port on reconnect, and the duplicate reply cache keys on address, port and xid: DESIGN.md §3). A call is sent
 * until answered: when the connection breaks, or no reply came within {@link #RESEND_AFTER} (the server may be
 * frozen, or the VIP gone to a node that will answer the next SYN with an RST), the connection is reset and the
 * same record goes out again on a new one from the same port, until {@code giveUp} has passed. Records use RFC
 * 5531 §11 record marking, one fragment each.
 */
final class RetryingConnection implements AutoCloseable {
    static final Duration RESEND_AFTER = Duration.ofSeconds(3);
    private static final Duration CONNECT_TRY = Duration.ofMillis(500);
    private static final int LAST_FRAGMENT = 0x8000_0000;
    private static final int MAX_REPLY = 1 << 20;

    private final InetSocketAddress source;
    private final InetSocketAddress server;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

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
                    connect();
                }
                send(record);
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

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.setTcpNoDelay(true);
            s.bind(source);
            s.connect(server, (int) CONNECT_TRY.toMillis());
        } catch (IOException e) {
            abort(s);
            throw e;
        }
        socket = s;
        in = new DataInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    private void send(byte[] record) throws IOException {
        out.write(ByteBuffer.allocate(4 + record.length).putInt(LAST_FRAGMENT | record.length).put(record).array());
        out.flush();
    }

    /** The next whole record, or null when none arrived by {@code deadline} (System.nanoTime). */
    private byte[] receive(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return null;
        }
        socket.setSoTimeout((int) left);
        int mark;
        try {
            mark = in.readInt();
        } catch (SocketTimeoutException e) {
            return null;
        }
        int length = mark & ~LAST_FRAGMENT;
        if ((mark & LAST_FRAGMENT) == 0 || length > MAX_REPLY) {
            throw new IOException("unexpected record mark 0x" + Integer.toHexString(mark));
        }
        byte[] record = new byte[length];
        socket.setSoTimeout(10_000);
        in.readFully(record);
        return record;
    }

    /** Closes with an RST (SO_LINGER 0), so that the port is free again at once, without TIME_WAIT. */
    void reset() {
        if (socket != null) {
            abort(socket);
            socket = null;
        }
    }

    private static void abort(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already closed: nothing left to reset
        }
    }

    @Override
    public void close() {
        reset();
    }
}
