package dev.handoff.it.hostile;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * NFSv3 and MOUNT v3 calls over one {@link RpcLink} as one caller. Arguments follow RFC 1813 §3.3 (NFS) and
 * appendix I (MOUNT); handles and names go out exactly as given, however malformed. Each call answers the raw
 * {@link RpcReply}; the few results the checks read are decoded by the helpers at the end.
 */
final class Nfs {
    static final int NFS = 100003;
    static final int MOUNT = 100005;
    static final int OK = 0;
    static final int PERM = 1;
    static final int NOENT = 2;
    static final int ACCES = 13;
    static final int EXIST = 17;
    static final int NOTDIR = 20;
    static final int INVAL = 22;
    static final int STALE = 70;
    static final int BADHANDLE = 10001;
    /** fattr3 is 21 XDR words (§2.6). */
    private static final int FATTR_BYTES = 84;

    private final RpcLink link;
    private final Cred cred;

    Nfs(RpcLink link, Cred cred) {
        this.link = link;
        this.cred = cred;
    }

    Nfs as(Cred other) {
        return new Nfs(link, other);
    }

    RpcReply nfs(int procedure, Consumer<XdrEncoder> args) throws IOException {
        return link.call(NFS, 3, procedure, cred, args);
    }

    RpcReply mount(int procedure, Consumer<XdrEncoder> args) throws IOException {
        return link.call(MOUNT, 3, procedure, cred, args);
    }

    /** MNT (I.4.1): the root handle of {@code path}, or a failed check naming the mountstat3. */
    Opaque mnt(String path) throws IOException, CheckFailed {
        XdrDecoder in = mount(1, x -> x.writeString(path)).body();
        int status = in.readInt();
        Checks.expect(status == 0, "MNT %s answered mountstat3 %d", path, status);
        return in.readOpaque(64);
    }

    RpcReply getattr(Opaque fh) throws IOException {
        return nfs(1, x -> x.writeOpaque(fh));
    }

    RpcReply lookup(Opaque dir, String name) throws IOException {
        return lookup(dir, name.getBytes(StandardCharsets.UTF_8));
    }

    RpcReply lookup(Opaque dir, byte[] name) throws IOException {
        return nfs(3, x -> x.writeOpaque(dir).writeOpaque(name, 0, name.length));
    }

    RpcReply readlink(Opaque fh) throws IOException {
        return nfs(5, x -> x.writeOpaque(fh));
    }

    RpcReply read(Opaque fh, int count) throws IOException {
        return nfs(6, x -> x.writeOpaque(fh).writeHyper(0).writeInt(count));
    }

    RpcReply write(Opaque fh, byte[] data) throws IOException {
        return nfs(7, x -> x.writeOpaque(fh).writeHyper(0).writeInt(data.length).writeEnum(2)
                .writeOpaque(data, 0, data.length));
    }

    /** CREATE UNCHECKED (§3.3.8) with mode 0644. */
    RpcReply create(Opaque dir, byte[] name) throws IOException {
        return nfs(8, x -> {
            x.writeOpaque(dir).writeOpaque(name, 0, name.length).writeEnum(0);
            mode(x, 0644);
        });
    }

    RpcReply create(Opaque dir, String name) throws IOException {
        return create(dir, name.getBytes(StandardCharsets.UTF_8));
    }

    RpcReply mkdir(Opaque dir, String name) throws IOException {
        return nfs(9, x -> {
            x.writeOpaque(dir).writeString(name);
            mode(x, 0755);
        });
    }

    RpcReply rename(Opaque fromDir, String from, Opaque toDir, String to) throws IOException {
        return nfs(14, x -> x.writeOpaque(fromDir).writeString(from).writeOpaque(toDir).writeString(to));
    }

    RpcReply link(Opaque file, Opaque dir, String name) throws IOException {
        return nfs(15, x -> x.writeOpaque(file).writeOpaque(dir).writeString(name));
    }

    RpcReply readdirplus(Opaque dir) throws IOException {
        return nfs(17, x -> x.writeOpaque(dir).writeHyper(0).writeHyper(0).writeInt(4096).writeInt(32768));
    }

    /** sattr3 setting only the mode; times DONT_CHANGE. */
    static void mode(XdrEncoder x, int mode) {
        x.writeBool(true).writeInt(mode).writeBool(false).writeBool(false).writeBool(false).writeEnum(0)
                .writeEnum(0);
    }

    /** The handle an OK LOOKUP reply (§3.3.3) starts with. */
    static Opaque found(RpcReply r, String what) throws CheckFailed {
        XdrDecoder in = r.body();
        int status = in.readInt();
        Checks.expect(status == OK, "%s answered nfsstat3 %d", what, status);
        return in.readOpaque(64);
    }

    /** The post_op_fh3 of an OK CREATE or MKDIR reply (§3.3.8). */
    static Opaque made(RpcReply r, String what) throws CheckFailed {
        XdrDecoder in = r.body();
        int status = in.readInt();
        Checks.expect(status == OK, "%s answered nfsstat3 %d", what, status);
        Checks.expect(in.readBool(), "%s returned no handle", what);
        return in.readOpaque(64);
    }

    /** fileid of an OK GETATTR reply (§3.3.1). */
    static long fileid(RpcReply r, String what) throws CheckFailed {
        XdrDecoder in = r.body();
        int status = in.readInt();
        Checks.expect(status == OK, "%s answered nfsstat3 %d", what, status);
        byte[] attrs = in.readFixedOpaque(FATTR_BYTES).toByteArray();
        return java.nio.ByteBuffer.wrap(attrs).getLong(56);
    }

    /** The data of an OK READ reply (§3.3.6). */
    static byte[] data(RpcReply r) throws CheckFailed {
        XdrDecoder in = r.body();
        in.readInt();
        if (in.readBool()) {
            in.readFixedOpaque(FATTR_BYTES);
        }
        in.readInt();
        in.readBool();
        return in.readOpaque(1 << 20).toByteArray();
    }

    /** The target of an OK READLINK reply (§3.3.5). */
    static String linkText(RpcReply r) throws CheckFailed {
        XdrDecoder in = r.body();
        int status = in.readInt();
        Checks.expect(status == OK, "READLINK answered nfsstat3 %d", status);
        if (in.readBool()) {
            in.readFixedOpaque(FATTR_BYTES);
        }
        return in.readString(4096);
    }
}
