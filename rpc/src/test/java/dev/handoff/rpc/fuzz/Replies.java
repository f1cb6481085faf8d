package dev.handoff.rpc.fuzz;

import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrException;
import io.netty.buffer.ByteBuf;

/** What the dispatcher's answer to a fuzzed record must look like. */
public final class Replies {
    private Replies() {
    }

    /**
     * A reply must be a REPLY to the record's xid whose header decodes; no reply is allowed only for a record
     * the dispatcher defines as not a call (under 8 bytes, or a message type other than CALL). SYSTEM_ERR is a
     * finding too: it is what the dispatcher answers when a handler threw, which a client's bytes must not cause
     * (a handler refuses bad input with its program's own status). Releases the reply.
     */
    public static void check(byte[] record, ByteBuf reply) {
        boolean call = record.length >= 8 && record[4] == 0 && record[5] == 0 && record[6] == 0 && record[7] == 0;
        if (reply == null) {
            if (call) {
                throw new AssertionError("a CALL got no reply");
            }
            return;
        }
        try {
            if (!call) {
                throw new AssertionError("a reply to a record that is not a CALL");
            }
            int xid = (record[0] & 0xff) << 24 | (record[1] & 0xff) << 16 | (record[2] & 0xff) << 8 | record[3] & 0xff;
            RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(new XdrDecoder(reply));
            if (header.xid() != xid) {
                throw new AssertionError("reply to xid " + header.xid() + " for a call with xid " + xid);
            }
            if (header.status() instanceof RpcReply.SystemErr) {
                throw new AssertionError("SYSTEM_ERR: a handler threw (the dispatcher's log names it)");
            }
        } catch (XdrException e) {
            throw new AssertionError("malformed reply header", e);
        } finally {
            reply.release();
        }
    }
}
