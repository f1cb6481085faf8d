package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;

/**
 * Codecs of the small data types RFC 1813 §2.5 and §2.6 share among procedures (attributes are in
 * {@link AttributesXdr}). Readers throw only {@link XdrException}: a record constructor's check never runs
 * on a value the reader has not bounded first.
 */
public final class Nfs3Xdr {
    private Nfs3Xdr() {
    }

    /** Bytes an XDR opaque or string of {@code length} bytes takes: length word, data, padding. */
    public static int opaqueSize(int length) {
        return 4 + ((length + 3) & ~3);
    }

    public static FileHandle3 readHandle(XdrDecoder in) {
        return new FileHandle3(in.readOpaque(FileHandle3.MAX_LENGTH));
    }

    public static void writeHandle(XdrEncoder out, FileHandle3 handle) {
        out.writeOpaque(handle.bytes());
    }

    /** post_op_fh3 (§3.3.8): a handle or none; null stands for none. */
    public static FileHandle3 readPostOpHandle(XdrDecoder in) {
        return in.readOptional(Nfs3Xdr::readHandle);
    }

    public static void writePostOpHandle(XdrEncoder out, FileHandle3 handle) {
        out.writeOptional(handle, Nfs3Xdr::writeHandle);
    }

    public static int postOpHandleSize(FileHandle3 handle) {
        return 4 + (handle == null ? 0 : opaqueSize(handle.length()));
    }

    public static Filename3 readName(XdrDecoder in) {
        return new Filename3(in.readOpaque(Filename3.MAX_DECODED_LENGTH));
    }

    public static void writeName(XdrEncoder out, Filename3 name) {
        out.writeOpaque(name.bytes());
    }

    public static Nfspath3 readPath(XdrDecoder in) {
        return new Nfspath3(in.readOpaque(Nfspath3.MAX_LENGTH));
    }

    public static void writePath(XdrEncoder out, Nfspath3 path) {
        out.writeOpaque(path.bytes());
    }

    public static DirOpArgs3 readDirOpArgs(XdrDecoder in) {
        FileHandle3 dir = readHandle(in);
        return new DirOpArgs3(dir, readName(in));
    }

    public static void writeDirOpArgs(XdrEncoder out, DirOpArgs3 args) {
        writeHandle(out, args.dir());
        writeName(out, args.name());
    }

    /** count3 and other uint32 counts of arguments, as their unsigned value. */
    public static long readCount(XdrDecoder in) {
        return in.readUnsignedInt();
    }

    public static void writeCount(XdrEncoder out, long count) {
        out.writeUnsignedInt(count);
    }

    public static Verifier3 readVerifier(XdrDecoder in) {
        return new Verifier3(in.readHyper());
    }

    public static void writeVerifier(XdrEncoder out, Verifier3 verifier) {
        out.writeHyper(verifier.value());
    }

    public static Nfs3Status readStatus(XdrDecoder in) {
        return in.readEnum(Nfs3Status::of);
    }

    public static void writeStatus(XdrEncoder out, Nfs3Status status) {
        out.writeEnum(status.value());
    }

    public static FileType3 readFileType(XdrDecoder in) {
        return in.readEnum(FileType3::of);
    }

    public static StableHow readStableHow(XdrDecoder in) {
        return in.readEnum(StableHow::of);
    }
}
