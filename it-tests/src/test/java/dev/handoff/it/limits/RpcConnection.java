package dev.handoff.it.limits;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One blocking RPC-over-TCP connection from a chosen source address and a privileged port (the export is
 * {@code secure}, as the Linux client's ports are), sending exactly the bytes it is given.
 */
final class RpcConnection implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    RpcConnection(InetAddress from, InetSocketAddress server) throws IOException {
        socket = connect(from, server);
        socket.setSoTimeout(10_000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    private static Socket connect(InetAddress from, InetSocketAddress server) throws IOException {
        java.net.BindException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            Socket s = new Socket();
            try {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(from, 600 + ThreadLocalRandom.current().nextInt(420)));
                s.connect(server, 5_000);
                return s;
            } catch (java.net.BindException e) {   // the port is taken, or in TIME_WAIT towards the server
                s.close();
                last = e;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }
        throw last;
    }

    /** Sends the records in one write, each as one last fragment. */
    void send(byte[]... records) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] r : records) {
            all.writeBytes(ByteBuffer.allocate(4).putInt(0x8000_0000 | r.length).array());
            all.writeBytes(r);
        }
        sendRaw(all.toByteArray());
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    ByteBuffer read() throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        while (true) {
            int header = in.readInt();
            byte[] fragment = new byte[header & 0x7FFF_FFFF];
            in.readFully(fragment);
            record.writeBytes(fragment);
            if ((header & 0x8000_0000) != 0) {
                return ByteBuffer.wrap(record.toByteArray());
            }
        }
    }

    ByteBuffer call(byte[] record) throws IOException {
        send(record);
        return read();
    }

    /** True when the server closed or reset the connection (rather than staying silent) within the timeout. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
