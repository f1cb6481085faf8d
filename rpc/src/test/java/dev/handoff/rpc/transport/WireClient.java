package dev.handoff.rpc.transport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A deliberately dumb blocking RPC-over-TCP client for wire tests: it sends exactly the bytes it is told to,
 * so tests can send what no well-behaved client would.
 */
final class WireClient implements AutoCloseable {
    final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    WireClient(InetSocketAddress server) throws IOException {
        this(server, null);
    }

    /** Connects from {@code from} (a loopback address other than 127.0.0.1 is another client), or any if null. */
    WireClient(InetSocketAddress server, java.net.InetAddress from) throws IOException {
        socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(server, 2000);
        socket.setSoTimeout(5000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /** A call record with AUTH_NONE and the given argument bytes. */
    static byte[] call(int xid, int prog, int vers, int proc, byte[] args) {
        ByteBuffer b = ByteBuffer.allocate(40 + args.length);
        b.putInt(xid).putInt(0).putInt(2).putInt(prog).putInt(vers).putInt(proc)
                .putInt(0).putInt(0).putInt(0).putInt(0).put(args);
        return b.array();
    }

    void sendRecord(byte[] record) throws IOException {
        out.writeInt(0x8000_0000 | record.length);
        out.write(record);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one whole reply record (any number of fragments). */
    ByteBuffer readRecord() throws IOException {
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        while (true) {
            int header = in.readInt();
            byte[] fragment = new byte[header & 0x7FFF_FFFF];
            in.readFully(fragment);
            record.write(fragment);
            if ((header & 0x8000_0000) != 0) {
                return ByteBuffer.wrap(record.toByteArray());
            }
        }
    }

    /** True when the server has closed its side (EOF or reset) within the socket timeout. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (EOFException e) {
            return true;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
