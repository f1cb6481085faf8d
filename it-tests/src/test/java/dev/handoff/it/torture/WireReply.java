package dev.handoff.it.torture;

import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import io.netty.buffer.Unpooled;

/**
 * What {@link TortureClient} needs of a reply: the status (nfsstat3, mountstat3 or nlm4_stats; -1 when the RPC
 * was not accepted), and for WRITE how it was committed and the verifier, for COMMIT the verifier, for CREATE and
 * MNT the handle; when the RPC was not accepted, why ({@code SystemErr}, {@code GarbageArgs}...). Decoding follows RFC 5531 §9 and RFC 1813 §2.6, §3.3.7, §3.3.8, §3.3.21, §5.2.1.
 */
record WireReply(int status, int committed, Opaque verf, Opaque handle, String rpcError) {
    private static final int MAX_FH = 64;
    private static final int FATTR3_BYTES = 84;
    private static final int WCC_ATTR_BYTES = 24;

    static int xid(byte[] record) {
        return Unpooled.wrappedBuffer(record).getInt(0);
    }

    static WireReply decode(String op, byte[] record) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(record));
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        if (!header.isSuccess()) {
            return new WireReply(-1, -1, null, null, header.status().getClass().getSimpleName());
        }
        if (op.equals("LOCK") || op.equals("UNLOCK")) {
            in.readOpaque(1024);                       // cookie
            return new WireReply(in.readEnum(), -1, null, null, null);
        }
        int status = in.readInt();
        if (status != 0) {
            return new WireReply(status, -1, null, null, null);
        }
        return switch (op) {
            case "MNT" -> new WireReply(0, -1, null, in.readOpaque(MAX_FH), null);
            case "WRITE" -> {
                skipWcc(in);
                in.readUnsignedInt();
                int committed = in.readEnum();
                yield new WireReply(0, committed, in.readFixedOpaque(8), null, null);
            }
            case "COMMIT" -> {
                skipWcc(in);
                yield new WireReply(0, -1, in.readFixedOpaque(8), null, null);
            }
            case "CREATE" -> new WireReply(0, -1, null, in.readBool() ? in.readOpaque(MAX_FH) : null, null);
            default -> new WireReply(0, -1, null, null, null);
        };
    }

    private static void skipWcc(XdrDecoder in) {
        if (in.readBool()) {
            in.readFixedOpaque(WCC_ATTR_BYTES);
        }
        if (in.readBool()) {
            in.readFixedOpaque(FATTR3_BYTES);
        }
    }
}
