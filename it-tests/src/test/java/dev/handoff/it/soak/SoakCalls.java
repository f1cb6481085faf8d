package dev.handoff.it.soak;

import dev.handoff.nlm.xdr.CancelArgs;
import dev.handoff.nlm.xdr.LockArgs;
import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The calls of the soak load as whole RPC records (without the record mark), encoded with the server's own XDR
 * layer. Argument layouts: RFC 1813 §3.3 (NFSv3), §5.2 (MOUNT v3) and appendix II (NLM v4, through the nlm
 * module's codec). Every call carries AUTH_SYS root, as the Linux client sends it; the export has
 * no_root_squash. One instance is shared by all threads of the load: xids come from one counter.
 */
final class SoakCalls {
    static final int NFS = 100003;
    static final int MOUNT = 100005;
    static final int NLM = 100021;
    static final int NFS_PORT = 2049;
    static final int MOUNT_PORT = 20048;
    static final int NLM_PORT = 4045;
    /** The name the load's lock owners give as caller_name (and in their credentials). */
    static final String HOST = "soak-client";

    private static final Credential CALLER = new Credential.Sys(0, HOST, 0, 0, List.of());
    private static final int UNSTABLE = 0;

    private final AtomicInteger xids = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 30));

    byte[] mnt(String path) {
        return record(MOUNT, 3, 1, out -> out.writeString(path));
    }

    byte[] umnt(String path) {
        return record(MOUNT, 3, 3, out -> out.writeString(path));
    }

    byte[] nullCall() {
        return record(NFS, 3, 0, out -> { });
    }

    byte[] getattr(Opaque fh) {
        return record(NFS, 3, 1, out -> out.writeOpaque(fh));
    }

    byte[] lookup(Opaque dir, String name) {
        return record(NFS, 3, 3, out -> out.writeOpaque(dir).writeString(name));
    }

    byte[] read(Opaque fh, long offset, int count) {
        return record(NFS, 3, 6, out -> out.writeOpaque(fh).writeHyper(offset).writeUnsignedInt(count));
    }

    /** WRITE UNSTABLE (§3.3.7): the data waits for a COMMIT, as a client's page cache writes. */
    byte[] write(Opaque fh, long offset, byte[] data) {
        return record(NFS, 3, 7, out -> out.writeOpaque(fh).writeHyper(offset).writeUnsignedInt(data.length)
                .writeEnum(UNSTABLE).writeOpaque(data, 0, data.length));
    }

    /** CREATE UNCHECKED (§3.3.8) with mode 0644 and nothing else set. */
    byte[] create(Opaque dir, String name) {
        return record(NFS, 3, 8, out -> {
            out.writeOpaque(dir).writeString(name).writeEnum(0);
            out.writeBool(true).writeUnsignedInt(0644);
            out.writeBool(false).writeBool(false).writeBool(false).writeEnum(0).writeEnum(0);
        });
    }

    byte[] remove(Opaque dir, String name) {
        return record(NFS, 3, 12, out -> out.writeOpaque(dir).writeString(name));
    }

    byte[] rename(Opaque dir, String from, String to) {
        return record(NFS, 3, 14, out -> out.writeOpaque(dir).writeString(from).writeOpaque(dir).writeString(to));
    }

    /** READDIRPLUS (§3.3.17) from the start of the directory. */
    byte[] readdirplus(Opaque dir, int dircount, int maxcount) {
        return record(NFS, 3, 17, out -> out.writeOpaque(dir).writeHyper(0).writeFixedOpaque(Opaque.copyOf(new byte[8]))
                .writeUnsignedInt(dircount).writeUnsignedInt(maxcount));
    }

    byte[] commit(Opaque fh) {
        return record(NFS, 3, 21, out -> out.writeOpaque(fh).writeHyper(0).writeUnsignedInt(0));
    }

    /** NLM4_LOCK of the whole file, exclusive; {@code block} asks the server to queue it and call back. */
    byte[] lock(NlmLock lock, boolean block) {
        return record(NLM, 4, 2, out -> NlmArgsCodec.NLM4.writeLockArgs(out,
                new LockArgs(cookie(), block, true, lock, false, 0)));
    }

    byte[] cancel(NlmLock lock) {
        return record(NLM, 4, 3, out -> NlmArgsCodec.NLM4.writeCancelArgs(out,
                new CancelArgs(cookie(), true, true, lock)));
    }

    byte[] unlock(NlmLock lock) {
        return record(NLM, 4, 4, out -> NlmArgsCodec.NLM4.writeUnlockArgs(out, new UnlockArgs(cookie(), lock)));
    }

    /** The whole file, for the owner {@code svid}; the owner handle is the svid's bytes, as unique. */
    static NlmLock wholeFile(Opaque fh, int svid) {
        return new NlmLock(HOST, fh, Opaque.copyOf(java.nio.ByteBuffer.allocate(4).putInt(svid).array()), svid,
                0, 0);
    }

    private static Opaque cookie() {
        byte[] c = new byte[8];
        ThreadLocalRandom.current().nextBytes(c);
        return Opaque.copyOf(c);
    }

    private byte[] record(int program, int version, int procedure, Consumer<XdrEncoder> args) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            XdrEncoder out = new XdrEncoder(buf);
            RpcMessageCodec.encodeCall(out, xids.incrementAndGet(), program, version, procedure, CALLER);
            args.accept(out);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
