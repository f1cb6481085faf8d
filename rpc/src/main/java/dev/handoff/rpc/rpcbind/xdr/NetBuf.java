package dev.handoff.rpc.rpcbind.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * RFC 1833 §2.1 {@code struct netbuf}: a transport address in the transport's own binary form (for IP, a
 * {@code struct sockaddr}, see {@link SockaddrCodec}).
 *
 * @param maxLength maxlen (unsigned on the wire)
 */
public record NetBuf(int maxLength, Opaque buffer) {
    public static final NetBuf EMPTY = new NetBuf(0, Opaque.EMPTY);

    public NetBuf {
        Objects.requireNonNull(buffer, "buffer");
    }
}
