package dev.handoff.it.hostile;

import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply.AuthError;
import dev.handoff.rpc.message.RpcReply.Success;
import dev.handoff.rpc.xdr.XdrDecoder;
import io.netty.buffer.Unpooled;
import java.io.IOException;

/**
 * What came back for one call: an accepted SUCCESS with its result bytes, another accepted or denied status
 * (RFC 5531 §9), or nothing because the server closed the connection.
 *
 * @param outcome "SUCCESS", "AUTH_ERROR:AUTH_BADCRED", "GARBAGE_ARGS", ..., or "CLOSED"
 */
record RpcReply(String outcome, byte[] result) {
    static RpcReply closed() {
        return new RpcReply("CLOSED", new byte[0]);
    }

    static RpcReply parse(int xid, byte[] record) throws IOException {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(record));
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        if (header.xid() != xid) {
            throw new IOException("reply xid " + header.xid() + " for call " + xid);
        }
        return switch (header.status()) {
            case Success<?> s -> new RpcReply("SUCCESS", java.util.Arrays.copyOfRange(record, in.position(),
                    record.length));
            case AuthError a -> new RpcReply("AUTH_ERROR:" + a.stat(), new byte[0]);
            default -> new RpcReply(header.status().getClass().getSimpleName(), new byte[0]);
        };
    }

    boolean success() {
        return outcome.equals("SUCCESS");
    }

    /** The result, to read; fails the check when the call was not accepted. */
    XdrDecoder body() throws CheckFailed {
        if (!success()) {
            throw new CheckFailed("RPC reply " + outcome + ", not SUCCESS");
        }
        return new XdrDecoder(Unpooled.wrappedBuffer(result));
    }

    /** The first word of the result: nfsstat3, mountstat3, nlm4_stats. */
    int status() throws CheckFailed {
        return body().readInt();
    }

    @Override
    public String toString() {
        return outcome + (success() && result.length >= 4 ? " status " + java.nio.ByteBuffer.wrap(result).getInt()
                : "");
    }
}
