package dev.handoff.it.drc;

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
 * The few MOUNT v3 and NFSv3 calls {@link DrcProbe} sends, as complete RPC records (without the record mark),
 * encoded with the server's own XDR layer: the bytes are kept, so a retransmission is byte for byte the first
 * send, which is what the duplicate reply cache compares (DESIGN.md §3). Argument layouts: RFC 1813 §3.3 (NFS)
 * and §5.2.1 (MNT).
 */
final class Nfs3Calls {
    static final int NFS_PROGRAM = 100003;
    static final int MOUNT_PROGRAM = 100005;
    static final int VERSION = 3;
    static final int NULL = 0;
    static final int GETATTR = 1;
    static final int LOOKUP = 3;
    static final int CREATE = 8;
    static final int MKDIR = 9;
    static final int REMOVE = 12;
    static final int RENAME = 14;
    static final int MNT = 1;
    static final int UNCHECKED = 0;
    static final int EXCLUSIVE = 2;

    /** Root, as the Linux client sends it; the export has no_root_squash. */
    private static final Credential CALLER = new Credential.Sys(0, "drc-probe", 0, 0, List.of());

    private Nfs3Calls() {
    }

    static byte[] mnt(int xid, String path) {
        return record(xid, MOUNT_PROGRAM, MNT, out -> out.writeString(path));
    }

    /** NULL (§3.3.0): no arguments, no result; shows that the connection works. */
    static byte[] nullCall(int xid) {
        return record(xid, NFS_PROGRAM, NULL, out -> { });
    }

    static byte[] getattr(int xid, Opaque fh) {
        return record(xid, NFS_PROGRAM, GETATTR, out -> out.writeOpaque(fh));
    }

    static byte[] lookup(int xid, Opaque dir, String name) {
        return record(xid, NFS_PROGRAM, LOOKUP, out -> out.writeOpaque(dir).writeString(name));
    }

    /** CREATE UNCHECKED with no attributes set (§3.3.8). */
    static byte[] createUnchecked(int xid, Opaque dir, String name) {
        return record(xid, NFS_PROGRAM, CREATE, out -> {
            out.writeOpaque(dir).writeString(name).writeEnum(UNCHECKED);
            noAttributes(out);
        });
    }

    /** CREATE EXCLUSIVE (§3.3.8): the 8-byte verifier is what lets a server without the cache say OK again. */
    static byte[] createExclusive(int xid, Opaque dir, String name, Opaque verifier) {
        if (verifier.length() != 8) {
            throw new IllegalArgumentException("createverf3 is 8 bytes, not " + verifier.length());
        }
        return record(xid, NFS_PROGRAM, CREATE,
                out -> out.writeOpaque(dir).writeString(name).writeEnum(EXCLUSIVE).writeFixedOpaque(verifier));
    }

    /** MKDIR (§3.3.9) with mode 0755. */
    static byte[] mkdir(int xid, Opaque dir, String name) {
        return record(xid, NFS_PROGRAM, MKDIR, out -> {
            out.writeOpaque(dir).writeString(name);
            out.writeBool(true).writeUnsignedInt(0755);
            out.writeBool(false).writeBool(false).writeBool(false).writeEnum(0).writeEnum(0);
        });
    }

    static byte[] remove(int xid, Opaque dir, String name) {
        return record(xid, NFS_PROGRAM, REMOVE, out -> out.writeOpaque(dir).writeString(name));
    }

    static byte[] rename(int xid, Opaque fromDir, String from, Opaque toDir, String to) {
        return record(xid, NFS_PROGRAM, RENAME,
                out -> out.writeOpaque(fromDir).writeString(from).writeOpaque(toDir).writeString(to));
    }

    /** sattr3 with nothing to set: mode, uid, gid, size unset; atime and mtime DONT_CHANGE. */
    private static void noAttributes(XdrEncoder out) {
        out.writeBool(false).writeBool(false).writeBool(false).writeBool(false).writeEnum(0).writeEnum(0);
    }

    private static byte[] record(int xid, int program, int procedure, Consumer<XdrEncoder> args) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            XdrEncoder out = new XdrEncoder(buf);
            RpcMessageCodec.encodeCall(out, xid, program, VERSION, procedure, CALLER);
            args.accept(out);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
