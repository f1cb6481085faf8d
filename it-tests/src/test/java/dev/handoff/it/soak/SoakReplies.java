package dev.handoff.it.soak;

import dev.handoff.nlm.xdr.NlmResultsCodec;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import io.netty.buffer.Unpooled;

/**
 * The little the soak load reads of a reply: the RPC header (RFC 5531 §9), the procedure's status, and, where the
 * load goes on with it, a file handle (RFC 1813 §3.3.3 LOOKUP, §3.3.8 CREATE's post_op_fh3, §5.2.1 MNT) or READ's
 * data (§3.3.6). An RPC-level refusal throws {@link IllegalStateException}: the load never provokes one.
 */
final class SoakReplies {
    static final int OK = 0;
    /** NFS3ERR_JUKEBOX: try again later (a node that is still fenced after a move may say it). */
    static final int JUKEBOX = 10008;
    private static final int MAX_FH = 64;
    private static final int MAX_DATA = 1 << 20;
    /** fattr3 (§2.6) is fixed-size: 5 words and 8 hypers. */
    private static final int FATTR3_BYTES = 5 * 4 + 8 * 8;

    private SoakReplies() {
    }

    /** The status of an NFS or MOUNT reply (the first word of every result); 0 for NULL. */
    static int status(byte[] reply) {
        XdrDecoder in = body(reply);
        return in.remaining() == 0 ? OK : in.readInt();
    }

    /** The handle of an OK LOOKUP or MNT reply; null on any other status. */
    static Opaque handle(byte[] reply) {
        XdrDecoder in = body(reply);
        return in.readInt() == OK ? in.readOpaque(MAX_FH) : null;
    }

    /** The handle of an OK CREATE reply (its post_op_fh3); null when the status is not OK or none was sent. */
    static Opaque createdHandle(byte[] reply) {
        XdrDecoder in = body(reply);
        return in.readInt() == OK && in.readBool() ? in.readOpaque(MAX_FH) : null;
    }

    /** The data of an OK READ reply; null on any other status. */
    static byte[] readData(byte[] reply) {
        XdrDecoder in = body(reply);
        if (in.readInt() != OK) {
            return null;
        }
        if (in.readBool()) {
            in.readFixedOpaque(FATTR3_BYTES);
        }
        in.readUnsignedInt();
        in.readBool();
        return in.readOpaque(MAX_DATA).toByteArray();
    }

    static NlmStatus nlmStatus(byte[] reply) {
        return NlmResultsCodec.NLM4.readResult(body(reply)).status();
    }

    private static XdrDecoder body(byte[] reply) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(reply));
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        if (!header.isSuccess()) {
            throw new IllegalStateException("the call was refused: " + header.status());
        }
        return in;
    }
}
