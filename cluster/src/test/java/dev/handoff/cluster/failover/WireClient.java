package dev.handoff.cluster.failover;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A blocking RPC-over-TCP client (RFC 5531 §11 record marking, AUTH_NONE) for the failover tests. */
final class WireClient implements AutoCloseable {
    final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    WireClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 2000);
        socket.setSoTimeout(5000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends a call of {@link SlowProgram} with no arguments. */
    void call(int xid, int proc) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(xid).putInt(0).putInt(2).putInt(SlowProgram.PROG).putInt(SlowProgram.VERS).putInt(proc)
                .putInt(0).putInt(0).putInt(0).putInt(0);
        out.writeInt(0x8000_0000 | b.capacity());
        out.write(b.array());
        out.flush();
    }

    /** Reads one reply record (a single fragment is all the server sends for these small replies). */
    ByteBuffer reply() throws IOException {
        int header = in.readInt();
        byte[] record = new byte[header & 0x7FFF_FFFF];
        in.readFully(record);
        return ByteBuffer.wrap(record);
    }

    /** A NULL call answered: xid echoed, MSG_ACCEPTED, SUCCESS. */
    boolean ping(int xid) throws IOException {
        call(xid, SlowProgram.NULL);
        ByteBuffer r = reply();
        return r.getInt(0) == xid && r.getInt(8) == 0 && r.getInt(20) == 0;
    }

    /** How the server ended the connection, as seen within {@code millis}: "eof", "reset" or "open". */
    String ending(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() < 0 ? "eof" : "data";
        } catch (EOFException e) {
            return "eof";
        } catch (SocketTimeoutException e) {
            return "open";
        } catch (IOException e) {
            return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("reset")
                    ? "reset" : "error: " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
