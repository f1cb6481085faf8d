package dev.handoff.it.hostile;

import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One TCP connection to one RPC program from a source address and port the checks choose, so that the server
 * sees exactly the caller the check means (a listed or unlisted address, a privileged port or not). Calls are
 * encoded here byte by byte (RFC 5531 §9, record marking §11), credentials included, so that a check can send
 * what no well-behaved client library would.
 */
final class RpcLink implements AutoCloseable {
    private static final int LAST_FRAGMENT = 0x8000_0000;
    private static final int MAX_REPLY = 4 << 20;
    /** Privileged source ports are handed out in turn; a reset connection frees its port at once. */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(600);
    private static final AtomicInteger XID = new AtomicInteger(0x4000_0000);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RpcLink(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        socket.setSoTimeout(10_000);
    }

    /** From {@code source} and a privileged port (below 1024), as a {@code secure} export asks. */
    static RpcLink privileged(InetAddress source, InetSocketAddress server) throws IOException {
        IOException last = null;
        for (int tries = 0; tries < 50; tries++) {
            int port = 600 + Math.floorMod(NEXT_PORT.getAndIncrement() - 600, 400);
            try {
                return connect(new InetSocketAddress(source, port), server);
            } catch (java.net.BindException e) {
                last = e;
            }
        }
        throw last;
    }

    /** From {@code source} and an ephemeral, unprivileged port. */
    static RpcLink unprivileged(InetAddress source, InetSocketAddress server) throws IOException {
        return connect(new InetSocketAddress(source, 0), server);
    }

    private static RpcLink connect(InetSocketAddress source, InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.bind(source);
            s.connect(server, 5_000);
            return new RpcLink(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** A call with {@code credential}'s flavor and body as given, and an AUTH_NONE verifier. */
    RpcReply call(int program, int version, int procedure, Cred credential, Consumer<XdrEncoder> args)
            throws IOException {
        int xid = XID.incrementAndGet();
        ByteBuf buf = Unpooled.buffer(512);
        try {
            XdrEncoder x = new XdrEncoder(buf);
            x.writeInt(xid).writeInt(0).writeInt(2).writeInt(program).writeInt(version).writeInt(procedure);
            x.writeInt(credential.flavor()).writeOpaque(credential.body());
            x.writeInt(0).writeInt(0);
            args.accept(x);
            send(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
        byte[] reply = receive();
        if (reply == null) {
            return RpcReply.closed();
        }
        return RpcReply.parse(xid, reply);
    }

    private void send(byte[] record) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(LAST_FRAGMENT | record.length).array());
        out.write(record);
        out.flush();
    }

    /** The next record; null when the server closed (or reset) the connection instead of answering. */
    private byte[] receive() throws IOException {
        try {
            int mark = in.readInt();
            int length = mark & ~LAST_FRAGMENT;
            if ((mark & LAST_FRAGMENT) == 0 || length > MAX_REPLY) {
                throw new IOException("unexpected record mark 0x" + Integer.toHexString(mark));
            }
            byte[] record = new byte[length];
            in.readFully(record);
            return record;
        } catch (EOFException | SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new IOException("no reply within 10 s", e);
        }
    }

    /** Closes with an RST, so the source port is free again at once (no TIME_WAIT). */
    @Override
    public void close() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // Already closed by the peer: nothing left to release.
        }
    }
}
