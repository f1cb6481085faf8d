package dev.handoff.server;

import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.fuzz.FuzzChecks;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Lets fuzzed NFS calls reach the handlers. A file handle is signed (DESIGN.md §4), so a fuzzer cannot make one
 * the server accepts, and every call would stop at the handle check. In an NFSv3 call with an odd xid, the first
 * argument (the nfs_fh3 every procedure but NULL starts with) is replaced by the export's root handle, got from
 * MOUNT at start; calls with an even xid keep their handle and exercise the refusals. Inputs it cannot parse are
 * left as they are.
 */
final class RootHandleSwap {
    private final byte[] rootHandle;

    private RootHandleSwap(byte[] rootHandle) {
        this.rootHandle = rootHandle;
    }

    /** Mounts {@code exportPath} through the dispatcher, as a client would, and keeps the root handle. */
    static RootHandleSwap mount(Dispatcher dispatcher, Peer peer, String exportPath) {
        ByteBuf call = FuzzChecks.ALLOC.heapBuffer(256);
        XdrEncoder out = new XdrEncoder(call);
        RpcMessageCodec.encodeCall(out, 1, 100_005, 3, 1, new Credential.Sys(0, "fuzz", 0, 0, List.of()));
        out.writeString(exportPath);
        ByteBuf reply = dispatcher.process(call, peer, FuzzChecks.ALLOC);
        call.release();
        try {
            XdrDecoder in = new XdrDecoder(reply);
            if (!RpcMessageCodec.decodeReply(in).isSuccess() || in.readInt() != 0) {
                throw new IllegalStateException("MNT of " + exportPath + " failed");
            }
            Opaque handle = in.readOpaque(64);
            return new RootHandleSwap(handle.toByteArray());
        } finally {
            reply.release();
        }
    }

    byte[] apply(byte[] record) {
        ByteBuffer in = ByteBuffer.wrap(record);
        try {
            int xid = in.getInt();
            if ((xid & 1) == 0 || in.getInt() != RpcMessageCodec.CALL || in.getInt() != RpcMessageCodec.RPC_VERSION
                    || in.getInt() != 100_003 || in.getInt() != 3 || in.getInt() == 0) {
                return record;
            }
            for (int auth = 0; auth < 2; auth++) {
                in.getInt();
                skipOpaque(in);
            }
            int handleAt = in.position();
            skipOpaque(in);
            int rest = in.position();
            ByteBuffer out = ByteBuffer.allocate(handleAt + 4 + padded(rootHandle.length) + record.length - rest);
            out.put(record, 0, handleAt).putInt(rootHandle.length).put(rootHandle)
                    .position(handleAt + 4 + padded(rootHandle.length)).put(record, rest, record.length - rest);
            return out.array();
        } catch (RuntimeException e) {
            return record;
        }
    }

    private static void skipOpaque(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > 400) {
            throw new IllegalArgumentException("not an opaque");
        }
        in.position(in.position() + padded(length));
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    @Override
    public String toString() {
        return "root handle " + ByteBufUtil.hexDump(rootHandle);
    }
}
