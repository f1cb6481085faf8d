package dev.handoff.nlm.callback;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Where a callback to a client's lock manager goes (NLM_GRANTED, the _RES answers to _MSG calls; XNFS §10):
 * the client's address (its rpcbind there names its lockd port), the NLM version and transport it used, the
 * local address its request reached, which the callback is sent from (Linux lockd's {@code nlmclnt_grant}
 * accepts a GRANTED only from the address it sent the LOCK to: a VIP, not the node's own address), and the
 * file handle the client named, which GRANTED must echo.
 *
 * <p>Stored with a blocked lock as the lock manager's {@code replyTo} bytes, so that any node sharing the lock
 * table can send the callback. Layout: version, transport, then client address, local address and file handle,
 * each as one length byte and its bytes.
 *
 * @param local the address to send from, or null to let the kernel choose
 */
public record CallbackTarget(InetAddress client, InetAddress local, int version, Transport transport, Opaque fh) {
    /** NFS3_FHSIZE: the largest handle kept (RFC 1813 §2.5). */
    public static final int MAX_FH = 64;

    public CallbackTarget {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(fh, "fh");
        if (fh.length() > MAX_FH) {
            throw new IllegalArgumentException("file handle of " + fh.length() + " bytes exceeds " + MAX_FH);
        }
        if (local != null && local.isAnyLocalAddress()) {
            local = null;
        }
    }

    public Opaque encode() {
        byte[] c = client.getAddress();
        byte[] l = local == null ? new byte[0] : local.getAddress();
        byte[] f = fh.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(5 + c.length + l.length + f.length);
        b.put((byte) version).put((byte) transport.ordinal());
        b.put((byte) c.length).put(c).put((byte) l.length).put(l).put((byte) f.length).put(f);
        return Opaque.copyOf(b.array());
    }

    /** The target {@link #encode} wrote; IllegalArgumentException for bytes it cannot have written. */
    public static CallbackTarget decode(Opaque bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
            int version = b.get() & 0xFF;
            Transport transport = Transport.values()[b.get()];
            InetAddress client = InetAddress.getByAddress(take(b));
            byte[] l = take(b);
            InetAddress local = l.length == 0 ? null : InetAddress.getByAddress(l);
            CallbackTarget t = new CallbackTarget(client, local, version, transport, Opaque.copyOf(take(b)));
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return t;
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("not a callback target: " + bytes.toHex(), e);
        }
    }

    private static byte[] take(ByteBuffer b) {
        byte[] out = new byte[b.get() & 0xFF];
        b.get(out);
        return out;
    }
}
