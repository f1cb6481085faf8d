package dev.handoff.it.limits;

import dev.handoff.it.rpc.RecordSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One blocking RPC-over-TCP connection from a chosen source address and a privileged port (the export is
 * {@code secure}, as the Linux client's ports are), sending exactly the bytes it is given; replies are read in
 * the order they come, for {@link LimitCalls} to decode.
 */
final class RpcConnection implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REPLY = Duration.ofSeconds(10);

    private final RecordSocket socket;

    RpcConnection(InetAddress from, InetSocketAddress server) throws IOException {
        socket = RecordSocket.connectPrivileged(from, server, CONNECT);
    }

    /** Sends the records in one write, each as one last fragment. */
    void send(byte[]... records) throws IOException {
        socket.send(records);
    }

    void sendRaw(byte[] bytes) throws IOException {
        socket.sendRaw(bytes);
    }

    /** The next reply, whichever call it answers. */
    ByteBuffer read() throws IOException {
        byte[] record = socket.receive(REPLY);
        if (record == null) {
            throw new SocketTimeoutException("no reply within " + REPLY.toSeconds() + " s");
        }
        return ByteBuffer.wrap(record);
    }

    ByteBuffer call(byte[] record) throws IOException {
        send(record);
        return read();
    }

    /** True when the server closed or reset the connection (rather than staying silent) within the timeout. */
    boolean closedByServer() {
        return socket.closedByServer(REPLY);
    }

    @Override
    public void close() {
        socket.close();
    }
}
