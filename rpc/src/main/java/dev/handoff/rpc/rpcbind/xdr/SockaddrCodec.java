package dev.handoff.rpc.rpcbind.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Transport addresses ("taddr") of IP netids as RPCBPROC_UADDR2TADDR and TADDR2UADDR carry them (RFC 1833
 * §2.2): a Linux {@code struct sockaddr_in} or {@code sockaddr_in6} inside a netbuf. The family and the IPv6
 * scope id are in host byte order and the port in network order, exactly as rpcbind copies the structure out of
 * its own memory; a taddr is only meaningful to a program on the same host, so the order is the host's.
 */
public final class SockaddrCodec {
    static final short AF_INET = 2;
    static final short AF_INET6 = 10;
    static final int SOCKADDR_IN = 16;
    static final int SOCKADDR_IN6 = 28;

    private final ByteOrder hostOrder;

    public SockaddrCodec(ByteOrder hostOrder) {
        this.hostOrder = hostOrder;
    }

    /** The layout of the machine this runs on. */
    public static SockaddrCodec host() {
        return new SockaddrCodec(ByteOrder.nativeOrder());
    }

    public NetBuf encode(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        boolean v6 = host instanceof Inet6Address;
        ByteBuffer b = ByteBuffer.allocate(v6 ? SOCKADDR_IN6 : SOCKADDR_IN);
        b.order(hostOrder).putShort(v6 ? AF_INET6 : AF_INET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) address.getPort());
        if (v6) {
            b.putInt(0).put(host.getAddress());
            b.order(hostOrder).putInt(((Inet6Address) host).getScopeId());
        } else {
            b.put(host.getAddress());
        }
        return new NetBuf(b.capacity(), Opaque.copyOf(b.array()));
    }

    /** The address in {@code taddr}, or empty when it is not a sockaddr_in or sockaddr_in6. */
    public Optional<InetSocketAddress> decode(NetBuf taddr) {
        byte[] bytes = taddr.buffer().toByteArray();
        if (bytes.length < 2) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(hostOrder);
        short family = b.getShort();
        try {
            if (family == AF_INET && bytes.length >= SOCKADDR_IN) {
                int port = b.order(ByteOrder.BIG_ENDIAN).getShort() & 0xFFFF;
                byte[] addr = new byte[4];
                b.get(addr);
                return Optional.of(new InetSocketAddress(Inet4Address.getByAddress(addr), port));
            }
            if (family == AF_INET6 && bytes.length >= SOCKADDR_IN6) {
                int port = b.order(ByteOrder.BIG_ENDIAN).getShort() & 0xFFFF;
                b.getInt();
                byte[] addr = new byte[16];
                b.get(addr);
                // Scope ids are not carried into universal addresses: the remote side cannot use ours.
                return Optional.of(new InetSocketAddress(InetAddress.getByAddress(addr), port));
            }
        } catch (UnknownHostException e) {
            throw new AssertionError("fixed-length address bytes are always valid", e);
        }
        return Optional.empty();
    }
}
