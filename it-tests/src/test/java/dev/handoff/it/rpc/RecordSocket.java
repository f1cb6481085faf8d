package dev.handoff.it.rpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client TCP connection carrying ONC RPC records (RFC 5531 §11 record marking), for the tests that must send
 * what they choose, byte for byte, from the source address and port they choose: the reply cache keys on the
 * port (the Linux client reuses its own on reconnect), a {@code secure} export wants one below 1024, and a hostile
 * check sends what no client library would. Each record goes out as one last fragment; a reply may come in
 * several. {@link #reset()} closes with an RST (SO_LINGER 0), so the port is free again at once and the server
 * sees a broken connection; {@link #close()} is an orderly FIN.
 */
public final class RecordSocket implements AutoCloseable {
    private static final int LAST_FRAGMENT = 0x8000_0000;
    /** Larger than any reply a test asks for (a READ or READDIRPLUS of 1 MiB and its attributes). */
    private static final int MAX_RECORD = 4 << 20;
    /** Once a record's mark has arrived, the rest of it must follow within this. */
    private static final int BODY_WAIT_MILLIS = 10_000;
    private static final int FIRST_PRIVILEGED = 600;
    private static final int PRIVILEGED_PORTS = 1024 - FIRST_PRIVILEGED;
    /** Privileged ports are handed out in turn, from a random start so that two test JVMs rarely collide. */
    private static final AtomicInteger NEXT_PRIVILEGED = new AtomicInteger(
            ThreadLocalRandom.current().nextInt(PRIVILEGED_PORTS));

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RecordSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** From {@code source} (port 0: an ephemeral one) to {@code server}, giving up after {@code timeout}. */
    public static RecordSocket connect(InetSocketAddress source, InetSocketAddress server, Duration timeout)
            throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.setTcpNoDelay(true);
            s.bind(source);
            s.connect(server, millis(timeout));
            return new RecordSocket(s);
        } catch (IOException e) {
            abort(s);
            throw e;
        }
    }

    /** From an ephemeral port. */
    public static RecordSocket connect(InetSocketAddress server, Duration timeout) throws IOException {
        return connect(new InetSocketAddress(0), server, timeout);
    }

    /**
     * From {@code source} and a port below 1024, as a {@code secure} export asks; a port that is taken (or still in
     * TIME_WAIT towards this server) is skipped for the next.
     */
    public static RecordSocket connectPrivileged(InetAddress source, InetSocketAddress server, Duration timeout)
            throws IOException {
        BindException last = null;
        for (int tries = 0; tries < 50; tries++) {
            int port = FIRST_PRIVILEGED + Math.floorMod(NEXT_PRIVILEGED.getAndIncrement(), PRIVILEGED_PORTS);
            try {
                return connect(new InetSocketAddress(source, port), server, timeout);
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * Sends {@code record} and returns the reply that carries its xid; replies to other calls (late answers to
     * earlier ones) are skipped. {@link SocketTimeoutException} when none came within {@code timeout},
     * {@link EOFException} when the server closed the connection instead.
     */
    public byte[] call(byte[] record, Duration timeout) throws IOException {
        send(record);
        int xid = ByteBuffer.wrap(record).getInt(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            byte[] reply = receive(Duration.ofNanos(deadline - System.nanoTime()));
            if (reply == null) {
                throw new SocketTimeoutException("no reply to xid 0x" + Integer.toHexString(xid) + " within "
                        + timeout.toMillis() + " ms");
            }
            if (reply.length >= 4 && ByteBuffer.wrap(reply).getInt(0) == xid) {
                return reply;
            }
        }
    }

    /** Sends the records in one write, each as one last fragment. */
    public void send(byte[]... records) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] r : records) {
            all.writeBytes(ByteBuffer.allocate(4).putInt(LAST_FRAGMENT | r.length).array());
            all.writeBytes(r);
        }
        sendRaw(all.toByteArray());
    }

    /** Sends bytes as they are: a record mark is the caller's to write. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Announces the whole record, sends only {@code bytes} of it and stops: the server holds half a call. */
    public void sendTruncated(byte[] record, int bytes) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(LAST_FRAGMENT | record.length).array());
        out.write(record, 0, Math.min(bytes, record.length));
        out.flush();
    }

    /**
     * The next whole record (its fragments joined), or null when none began to arrive within {@code timeout}.
     * {@link EOFException} when the server closed the connection.
     */
    public byte[] receive(Duration timeout) throws IOException {
        if (timeout.isNegative() || timeout.isZero()) {
            return null;
        }
        socket.setSoTimeout(millis(timeout));
        int mark;
        try {
            mark = in.readInt();
        } catch (SocketTimeoutException e) {
            return null;
        }
        socket.setSoTimeout(BODY_WAIT_MILLIS);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        while (true) {
            int length = mark & ~LAST_FRAGMENT;
            if (record.size() + (long) length > MAX_RECORD) {
                throw new IOException("a record of more than " + MAX_RECORD + " bytes (mark 0x"
                        + Integer.toHexString(mark) + ")");
            }
            byte[] fragment = new byte[length];
            in.readFully(fragment);
            record.writeBytes(fragment);
            if ((mark & LAST_FRAGMENT) != 0) {
                return record.toByteArray();
            }
            mark = in.readInt();
        }
    }

    /** Bytes that arrived and were not read: a reply sent but not (yet) taken. */
    public int unread() throws IOException {
        return in.available();
    }

    /** True when the server closed or reset the connection within {@code wait}, false when it stayed silent. */
    public boolean closedByServer(Duration wait) {
        try {
            socket.setSoTimeout(millis(wait));
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes with an RST: what the server sees when a client machine's connection breaks. */
    public void reset() {
        abort(socket);
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

    private static void abort(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed: nothing left to reset.
        }
        try {
            s.close();
        } catch (IOException e) {
            // Closing a reset socket has nothing to report.
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
