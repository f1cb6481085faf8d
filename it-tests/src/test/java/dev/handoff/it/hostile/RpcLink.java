package dev.handoff.it.hostile;

import dev.handoff.it.rpc.RecordSocket;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One TCP connection to one RPC program from a source address and port the checks choose, so that the server
 * sees exactly the caller the check means (a listed or unlisted address, a privileged port or not). Calls are
 * encoded here byte by byte (RFC 5531 §9, record marking §11), credentials included, so that a check can send
 * what no well-behaved client library would. The bytes travel on a {@link RecordSocket}.
 */
final class RpcLink implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final AtomicInteger XID = new AtomicInteger(0x4000_0000);

    private final RecordSocket socket;

    private RpcLink(RecordSocket socket) {
        this.socket = socket;
    }

    /** From {@code source} and a privileged port (below 1024), as a {@code secure} export asks. */
    static RpcLink privileged(InetAddress source, InetSocketAddress server) throws IOException {
        return new RpcLink(RecordSocket.connectPrivileged(source, server, CONNECT));
    }

    /** From {@code source} and an ephemeral, unprivileged port. */
    static RpcLink unprivileged(InetAddress source, InetSocketAddress server) throws IOException {
        return new RpcLink(RecordSocket.connect(new InetSocketAddress(source, 0), server, CONNECT));
    }

    int localPort() {
        return socket.localPort();
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
            socket.send(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
        byte[] reply;
        try {
            reply = socket.receive(REPLY);
        } catch (EOFException | SocketException e) {
            return RpcReply.closed();
        }
        if (reply == null) {
            throw new IOException("no reply within " + REPLY.toSeconds() + " s");
        }
        return RpcReply.parse(xid, reply);
    }

    /** Closes with an RST, so the source port is free again at once (no TIME_WAIT). */
    @Override
    public void close() {
        socket.reset();
    }
}
