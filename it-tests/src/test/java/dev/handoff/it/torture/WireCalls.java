package dev.handoff.it.torture;

import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calls of {@link TortureClient} as whole RPC records (no record mark), kept as bytes so that a
 * retransmission is the first send byte for byte, as the duplicate reply cache compares it (DESIGN.md §3).
 * Layouts: MOUNT v3 MNT (RFC 1813 §5.2.1), NFSv3 WRITE, CREATE, REMOVE, RENAME, COMMIT (RFC 1813 §3.3.7, §3.3.8,
 * §3.3.12, §3.3.14, §3.3.21), NLM v4 LOCK and UNLOCK (XNFS NLM §14 / RFC 1813 appendix II, nlm4_lockargs,
 * nlm4_unlockargs).
 */
final class WireCalls {
    static final int NFS = 100003;
    static final int MOUNT = 100005;
    static final int NLM = 100021;
    static final int WRITE = 7;
    static final int CREATE = 8;
    static final int REMOVE = 12;
    static final int RENAME = 14;
    static final int COMMIT = 21;
    static final int NLM_LOCK = 2;
    static final int NLM_UNLOCK = 4;
    static final int UNSTABLE = 0;
    static final int FILE_SYNC = 2;
    static final int UNCHECKED = 0;
    static final int GUARDED = 1;

    /** Root, as the Linux client sends it (the export has no_root_squash). */
    private static final Credential CALLER = new Credential.Sys(0, "torture", 0, 0, List.of());

    private WireCalls() {
    }

    static byte[] mnt(int xid, String path) {
        return record(xid, MOUNT, 3, 1, out -> out.writeString(path));
    }

    static byte[] write(int xid, Opaque fh, long offset, Opaque data, int stable) {
        return record(xid, NFS, 3, WRITE, out -> out.writeOpaque(fh).writeHyper(offset)
                .writeUnsignedInt(data.length()).writeEnum(stable).writeOpaque(data));
    }

    /** COMMIT of the whole file (offset 0, count 0). */
    static byte[] commit(int xid, Opaque fh) {
        return record(xid, NFS, 3, COMMIT, out -> out.writeOpaque(fh).writeHyper(0).writeUnsignedInt(0));
    }

    /** CREATE with no attributes set: GUARDED fails with EXIST when the name exists, UNCHECKED opens it. */
    static byte[] create(int xid, Opaque dir, String name, int how) {
        return record(xid, NFS, 3, CREATE, out -> {
            out.writeOpaque(dir).writeString(name).writeEnum(how);
            out.writeBool(false).writeBool(false).writeBool(false).writeBool(false).writeEnum(0).writeEnum(0);
        });
    }

    static byte[] remove(int xid, Opaque dir, String name) {
        return record(xid, NFS, 3, REMOVE, out -> out.writeOpaque(dir).writeString(name));
    }

    static byte[] rename(int xid, Opaque dir, String from, String to) {
        return record(xid, NFS, 3, RENAME,
                out -> out.writeOpaque(dir).writeString(from).writeOpaque(dir).writeString(to));
    }

    /** Non-blocking LOCK: the answer is granted or denied at once, no GRANTED callback needed. */
    static byte[] lock(int xid, NlmOwner owner, Opaque fh, long offset, long len, boolean exclusive) {
        return record(xid, NLM, 4, NLM_LOCK, out -> {
            out.writeOpaque(cookie(xid)).writeBool(false).writeBool(exclusive);
            alock(out, owner, fh, offset, len);
            out.writeBool(false).writeInt(owner.nsmState());
        });
    }

    static byte[] unlock(int xid, NlmOwner owner, Opaque fh, long offset, long len) {
        return record(xid, NLM, 4, NLM_UNLOCK, out -> {
            out.writeOpaque(cookie(xid));
            alock(out, owner, fh, offset, len);
        });
    }

    /** Who holds an NLM lock: host name, owner handle and svid (the process id on that host). */
    record NlmOwner(String callerName, Opaque oh, int svid, int nsmState) {
    }

    private static void alock(XdrEncoder out, NlmOwner owner, Opaque fh, long offset, long len) {
        out.writeString(owner.callerName()).writeOpaque(fh).writeOpaque(owner.oh()).writeInt(owner.svid())
                .writeHyper(offset).writeHyper(len);
    }

    private static Opaque cookie(int xid) {
        return Opaque.copyOf(new byte[] {(byte) (xid >>> 24), (byte) (xid >>> 16), (byte) (xid >>> 8), (byte) xid});
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
