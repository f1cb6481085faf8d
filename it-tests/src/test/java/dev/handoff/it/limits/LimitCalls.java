package dev.handoff.it.limits;

import dev.handoff.nlm.xdr.LockArgs;
import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calls {@link LimitsProbe} sends, as RPC records without the record mark: NFS NULL, LOOKUP and SETATTR
 * (RFC 1813 §3.3), MOUNT v3 MNT (§5.2.1), NLM v4 LOCK and UNLOCK (XNFS §10, with the server's own NLM codec), and
 * the few reply fields it reads. AUTH_SYS as uid 1000, the owner of the probe's files.
 */
final class LimitCalls {
    static final int NFS = 100003;
    static final int MOUNT = 100005;
    static final int NLM = 100021;
    static final int NLM_GRANTED = 0;
    static final int NLM_DENIED_NOLOCKS = 2;
    static final int NLM_BLOCKED = 3;
    private static final Credential CALLER = new Credential.Sys(0, "limits-probe", 1000, 1000, List.of());
    /** An accepted reply with an AUTH_NONE verifier: results start after xid, type, stat, verifier, accept_stat. */
    private static final int RESULTS = 24;

    private LimitCalls() {
    }

    static byte[] nullCall(int xid) {
        return record(xid, NFS, 3, 0, out -> { });
    }

    static byte[] mnt(int xid, String path) {
        return record(xid, MOUNT, 3, 1, out -> out.writeString(path));
    }

    static byte[] lookup(int xid, Opaque dir, String name) {
        return record(xid, NFS, 3, 3, out -> out.writeOpaque(dir).writeString(name));
    }

    /** SETATTR mode 0644, unguarded: non-idempotent, so its reply goes into the duplicate reply cache. */
    static byte[] setattrMode(int xid, Opaque fh) {
        return record(xid, NFS, 3, 2, out -> {
            out.writeOpaque(fh).writeBool(true).writeUnsignedInt(0644);
            out.writeBool(false).writeBool(false).writeBool(false).writeEnum(0).writeEnum(0);
            out.writeBool(false);
        });
    }

    static byte[] lock(int xid, String caller, Opaque fh, int svid, long offset, long length, boolean block) {
        NlmLock lock = new NlmLock(caller, fh, owner(svid), svid, offset, length);
        return record(xid, NLM, 4, NlmProcedures.LOCK, out -> NlmArgsCodec.NLM4.writeLockArgs(out,
                new LockArgs(cookie(xid), block, true, lock, false, 1)));
    }

    static byte[] unlock(int xid, String caller, Opaque fh, int svid, long offset, long length) {
        NlmLock lock = new NlmLock(caller, fh, owner(svid), svid, offset, length);
        return record(xid, NLM, 4, NlmProcedures.UNLOCK, out -> NlmArgsCodec.NLM4.writeUnlockArgs(out,
                new UnlockArgs(cookie(xid), lock)));
    }

    /** The first word of the results: nfsstat3, mountstat3. */
    static int status(ByteBuffer reply) {
        requireAccepted(reply);
        return reply.getInt(RESULTS);
    }

    /** The handle after the status word: MNT's fhandle3, LOOKUP's object. */
    static Opaque handle(ByteBuffer reply) {
        if (status(reply) != 0) {
            throw new IllegalStateException("status " + status(reply));
        }
        int length = reply.getInt(RESULTS + 4);
        byte[] fh = new byte[length];
        reply.get(RESULTS + 8, fh);
        return Opaque.copyOf(fh);
    }

    /** nlm4_res: the cookie (a netobj), then the nlm4_stats. */
    static int nlmStatus(ByteBuffer reply) {
        requireAccepted(reply);
        int cookie = reply.getInt(RESULTS);
        return reply.getInt(RESULTS + 4 + (cookie + 3) / 4 * 4);
    }

    private static void requireAccepted(ByteBuffer reply) {
        if (reply.getInt(8) != 0 || reply.getInt(20) != 0) {
            throw new IllegalStateException("call not accepted: reply_stat " + reply.getInt(8) + ", accept_stat "
                    + reply.getInt(20));
        }
    }

    private static Opaque owner(int svid) {
        return Opaque.copyOf(("owner-" + svid).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Opaque cookie(int xid) {
        return Opaque.copyOf(ByteBuffer.allocate(4).putInt(xid).array());
    }

    private static byte[] record(int xid, int program, int version, int procedure, Consumer<XdrEncoder> args) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            XdrEncoder out = new XdrEncoder(buf);
            RpcMessageCodec.encodeCall(out, xid, program, version, procedure, CALLER);
            args.accept(out);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
