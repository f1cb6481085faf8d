package dev.handoff.it.drc;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One TCP connection from a fixed source address and port, as the Linux client keeps one (it reuses its port on
 * reconnect, and the duplicate reply cache keys on it, DESIGN.md §3). Records are framed with RFC 5531 §11
 * record marking, one fragment each. {@link #reset()} closes with SO_LINGER 0, so the peer gets an RST and the
 * port is free again at once (no TIME_WAIT).
 */
final class ProbeSocket implements AutoCloseable {
    private static final int LAST_FRAGMENT = 0x8000_0000;
    private static final int MAX_REPLY = 1 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private ProbeSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static ProbeSocket connect(InetSocketAddress source, InetSocketAddress server, Duration timeout)
            throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.setTcpNoDelay(true);
            s.bind(source);
            s.connect(server, (int) timeout.toMillis());
            return new ProbeSocket(s);
        } catch (IOException e) {
            abort(s);
            throw e;
        }
    }

    void send(byte[] record) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(LAST_FRAGMENT | record.length).array());
        out.write(record);
        out.flush();
    }

    /** The next whole record, or null when none arrives within {@code timeout}. */
    byte[] receive(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
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

    /** Bytes that arrived and were not read: a reply sent but not (yet) taken by the client. */
    int unread() throws IOException {
        return in.available();
    }

    /** Closes with an RST; unread replies are thrown away, as when a connection breaks. */
    void reset() {
        abort(socket);
    }

    private static void abort(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: nothing left to reset.
        }
        try {
            s.close();
        } catch (IOException e) {
            // Closing a reset socket has nothing to report.
        }
    }

    @Override
    public void close() {
        reset();
    }
}
