package dev.handoff.rpc.rpcbind.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;

/**
 * RFC 1833 §2.1 {@code rpcb}, {@code rp__list} and {@code netbuf}, shared by rpcbind versions 3 and 4. The RFC
 * leaves the strings unbounded; the limits below are far above anything real (the longest IP universal address
 * is 53 bytes, a Unix socket path 108) and keep a hostile caller from costing more than that.
 */
public final class RpcbCodec {
    public static final int MAX_NETID = 64;
    public static final int MAX_ADDRESS = 256;
    public static final int MAX_OWNER = 256;
    /** Most entries a decoded rp__list may hold. */
    public static final int MAX_LIST = 4096;
    /** A netbuf holds a {@code struct sockaddr}; sockaddr_storage is 128 bytes. */
    public static final int MAX_NETBUF = 128;

    private RpcbCodec() {
    }

    public static Rpcb read(XdrDecoder in) {
        int program = in.readInt();
        int version = in.readInt();
        String netid = in.readString(MAX_NETID);
        String address = in.readString(MAX_ADDRESS);
        String owner = in.readString(MAX_OWNER);
        return new Rpcb(program, version, netid, address, owner);
    }

    public static void write(XdrEncoder out, Rpcb r) {
        out.writeInt(r.program()).writeInt(r.version())
                .writeString(r.netid()).writeString(r.address()).writeString(r.owner());
    }

    /** {@code rpcblist_ptr}, the result of RPCBPROC_DUMP. */
    public static List<Rpcb> readList(XdrDecoder in) {
        return in.readList(MAX_LIST, RpcbCodec::read);
    }

    public static void writeList(XdrEncoder out, List<Rpcb> list) {
        out.writeList(list, RpcbCodec::write);
    }

    /** A universal address: the result of GETADDR, GETVERSADDR, TADDR2UADDR and the argument of UADDR2TADDR. */
    public static String readAddress(XdrDecoder in) {
        return in.readString(MAX_ADDRESS);
    }

    public static void writeAddress(XdrEncoder out, String uaddr) {
        out.writeString(uaddr);
    }

    public static NetBuf readNetBuf(XdrDecoder in) {
        int maxLength = in.readInt();
        return new NetBuf(maxLength, in.readOpaque(MAX_NETBUF));
    }

    public static void writeNetBuf(XdrEncoder out, NetBuf n) {
        out.writeInt(n.maxLength()).writeOpaque(n.buffer());
    }
}
