package dev.handoff.it.soak;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One client TCP connection speaking ONC RPC with RFC 5531 §11 record marking, one fragment a record, one call
 * at a time. It can also break off the way real clients do: a reset ({@link #reset()}, SO_LINGER 0), or a record
 * cut short in the middle ({@link #sendTruncated}), so the server sees both kinds of disconnect mid-call.
 */
final class RpcSocket implements AutoCloseable {
    private static final int LAST_FRAGMENT = 0x8000_0000;
    /** A reply to the largest call the load sends (a READ of 64 KiB) fits well below this. */
    private static final int MAX_REPLY = 1 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RpcSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static RpcSocket connect(InetSocketAddress server, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(server, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            return new RpcSocket(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Sends the call and returns its reply; replies with another xid (none are expected) are skipped. */
    byte[] call(byte[] record) throws IOException {
        send(record);
        int xid = ByteBuffer.wrap(record).getInt(0);
        while (true) {
            byte[] reply = receive();
            if (ByteBuffer.wrap(reply).getInt(0) == xid) {
                return reply;
            }
        }
    }

    void send(byte[] record) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(LAST_FRAGMENT | record.length).array());
        out.write(record);
        out.flush();
    }

    /** Announces the whole record, sends only {@code bytes} of it and stops: the server holds half a call. */
    void sendTruncated(byte[] record, int bytes) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(LAST_FRAGMENT | record.length).array());
        out.write(record, 0, Math.min(bytes, record.length));
        out.flush();
    }

    private byte[] receive() throws IOException {
        int mark = in.readInt();
        int length = mark & ~LAST_FRAGMENT;
        if ((mark & LAST_FRAGMENT) == 0 || length > MAX_REPLY) {
            throw new IOException("unexpected record mark 0x" + Integer.toHexString(mark));
        }
        byte[] record = new byte[length];
        in.readFully(record);
        return record;
    }

    /** Closes with an RST: what the server sees when a client machine's connection breaks. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: nothing left to reset.
        }
        close();
    }

    /** An orderly close (FIN). */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to report about a socket being thrown away.
        }
    }
}
