package dev.handoff.it.drc;

import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.XdrDecoder;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the replies to {@link Nfs3Calls} into {@link ProbeReply}: RFC 5531 §9 reply header, then the result
 * layouts of RFC 1813 §3.3 (post_op_attr, wcc_data, post_op_fh3; §2.6) and §5.2.1 (mountres3).
 */
final class Nfs3Results {
    private static final int MAX_FH = 64;
    private static final int MAX_FLAVORS = 16;

    private Nfs3Results() {
    }

    static ProbeReply decode(String op, byte[] record) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(record));
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        long xid = Integer.toUnsignedLong(header.xid());
        if (!header.isSuccess()) {
            return new ProbeReply(op, xid, -1, null, null, List.of(), header.status().toString());
        }
        if (op.equals("NULL")) {
            in.expectEnd();
            return new ProbeReply(op, xid, ProbeReply.NFS3_OK, null, null, List.of(), null);
        }
        int status = in.readInt();
        boolean ok = status == ProbeReply.NFS3_OK;
        List<ProbeReply.Wcc> wcc = new ArrayList<>();
        String handle = null;
        ProbeReply.Attributes object = null;
        switch (op) {
            case "MNT" -> {
                if (ok) {
                    handle = in.readOpaque(MAX_FH).toHex();
                    in.readArray(MAX_FLAVORS, XdrDecoder::readInt);
                }
            }
            case "GETATTR" -> object = ok ? attributes(in) : null;
            case "LOOKUP" -> {
                if (ok) {
                    handle = in.readOpaque(MAX_FH).toHex();
                    object = postOp(in);
                }
                wcc.add(new ProbeReply.Wcc(null, postOp(in)));
            }
            case "CREATE", "MKDIR" -> {
                if (ok) {
                    handle = in.readBool() ? in.readOpaque(MAX_FH).toHex() : null;
                    object = postOp(in);
                }
                wcc.add(wcc(in));
            }
            case "REMOVE" -> wcc.add(wcc(in));
            case "RENAME" -> {
                wcc.add(wcc(in));
                wcc.add(wcc(in));
            }
            default -> throw new IllegalArgumentException("no result layout for " + op);
        }
        in.expectEnd();
        return new ProbeReply(op, xid, status, handle, object, wcc, null);
    }

    /** The xid of a reply record, before anything else is decoded. */
    static long xid(byte[] record) {
        return Integer.toUnsignedLong(Unpooled.wrappedBuffer(record).getInt(0));
    }

    private static ProbeReply.Wcc wcc(XdrDecoder in) {
        ProbeReply.Before before = in.readBool()
                ? new ProbeReply.Before(in.readHyper(), time(in), time(in)) : null;
        return new ProbeReply.Wcc(before, postOp(in));
    }

    private static ProbeReply.Attributes postOp(XdrDecoder in) {
        return in.readBool() ? attributes(in) : null;
    }

    /** fattr3 (§2.6): type, mode, nlink, uid, gid, size, used, rdev, fsid, fileid, atime, mtime, ctime. */
    private static ProbeReply.Attributes attributes(XdrDecoder in) {
        int type = in.readInt();
        long mode = in.readUnsignedInt();
        in.readInt();
        in.readInt();
        in.readInt();
        long size = in.readHyper();
        in.readHyper();
        in.readInt();
        in.readInt();
        in.readHyper();
        long fileid = in.readHyper();
        time(in);
        long mtime = time(in);
        long ctime = time(in);
        return new ProbeReply.Attributes(type, mode, size, fileid, mtime, ctime);
    }

    private static long time(XdrDecoder in) {
        return in.readUnsignedInt() * 1_000_000_000L + in.readUnsignedInt();
    }
}
