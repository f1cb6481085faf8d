package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import io.netty.buffer.ByteBuf;

/**
 * Codecs of READ, WRITE and COMMIT (RFC 1813 §3.3.6, §3.3.7, §3.3.21), both directions. File data moves as
 * buffers, never as {@code byte[]}: WRITE data stays a slice of the call record ({@link WriteData}), and the
 * READ result writer copies {@link ReadData} into the reply once and releases it.
 */
public final class IoCodec {
    /** The most WRITE data a call may carry; FSINFO's wtmax must not exceed it. */
    public static final int MAX_WRITE_DATA = 1 << 20;
    /** The most READ data a reply may carry, for clients decoding it; FSINFO's rtmax must not exceed it. */
    public static final int MAX_READ_DATA = 1 << 20;

    private IoCodec() {
    }

    // READ, §3.3.6

    public static ReadArgs readReadArgs(XdrDecoder in) {
        FileHandle3 file = Nfs3Xdr.readHandle(in);
        long offset = in.readUnsignedHyper();
        return new ReadArgs(file, offset, Nfs3Xdr.readCount(in));
    }

    public static void writeReadArgs(XdrEncoder out, ReadArgs args) {
        Nfs3Xdr.writeHandle(out, args.file());
        out.writeHyper(args.offset());
        Nfs3Xdr.writeCount(out, args.count());
    }

    /** Writes the result and releases the data of an {@link ReadResult.Ok}, whether writing succeeds or not. */
    public static void writeReadResult(XdrEncoder out, ReadResult result) {
        switch (result) {
            case ReadResult.Ok ok -> {
                try (ReadData data = ok.data()) {
                    Nfs3Xdr.writeStatus(out, Nfs3Status.NFS3_OK);
                    AttributesXdr.writePostOpAttr(out, ok.fileAttributes());
                    out.writeInt(data.length());
                    out.writeBool(ok.eof());
                    out.writeOpaque(data.buf());
                }
            }
            case ReadResult.Fail fail -> {
                Nfs3Xdr.writeStatus(out, fail.status());
                AttributesXdr.writePostOpAttr(out, fail.fileAttributes());
            }
        }
    }

    /** The client's side; an {@link ReadResult.Ok} holds a slice of {@code in}'s buffer and must be closed. */
    public static ReadResult readReadResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new ReadResult.Fail(status, attributes);
        }
        long count = Nfs3Xdr.readCount(in);
        boolean eof = in.readBool();
        ByteBuf data = in.readOpaqueSlice(MAX_READ_DATA);
        if (data.readableBytes() != count) {
            data.release();
            throw new XdrException("READ count " + count + " differs from the data's length");
        }
        return new ReadResult.Ok(attributes, eof, new ReadData(data));
    }

    // WRITE, §3.3.7

    /**
     * The data is at most {@link #MAX_WRITE_DATA} bytes and exactly as long as the count before it: a call
     * where they differ is garbage, since neither can be trusted to say what the client meant to write.
     */
    public static WriteArgs readWriteArgs(XdrDecoder in) {
        FileHandle3 file = Nfs3Xdr.readHandle(in);
        long offset = in.readUnsignedHyper();
        long count = Nfs3Xdr.readCount(in);
        StableHow stable = Nfs3Xdr.readStableHow(in);
        if (count > MAX_WRITE_DATA) {
            throw new XdrException("WRITE count " + count + " exceeds " + MAX_WRITE_DATA);
        }
        ByteBuf data = in.readOpaqueSlice(MAX_WRITE_DATA);
        if (data.readableBytes() != count) {
            int length = data.readableBytes();
            data.release();
            throw new XdrException("WRITE count " + count + " differs from the data's length " + length);
        }
        return new WriteArgs(file, offset, stable, new WriteData(data));
    }

    /** Writes the arguments; the data stays open, since the caller's {@link WriteArgs} owns it. */
    public static void writeWriteArgs(XdrEncoder out, WriteArgs args) {
        Nfs3Xdr.writeHandle(out, args.file());
        out.writeHyper(args.offset());
        out.writeInt(args.count());
        out.writeEnum(args.stable().value());
        out.writeOpaque(args.data().buf());
    }

    public static void writeWriteResult(XdrEncoder out, WriteResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writeWccData(out, result.fileWcc());
        switch (result) {
            case WriteResult.Ok ok -> {
                out.writeInt(ok.count());
                out.writeEnum(ok.committed().value());
                Nfs3Xdr.writeVerifier(out, ok.verifier());
            }
            case WriteResult.Fail fail -> { }
        }
    }

    public static WriteResult readWriteResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        WccData wcc = AttributesXdr.readWccData(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new WriteResult.Fail(status, wcc);
        }
        int count = in.readInt();
        StableHow committed = Nfs3Xdr.readStableHow(in);
        return new WriteResult.Ok(wcc, count, committed, Nfs3Xdr.readVerifier(in));
    }

    // COMMIT, §3.3.21

    public static CommitArgs readCommitArgs(XdrDecoder in) {
        FileHandle3 file = Nfs3Xdr.readHandle(in);
        long offset = in.readUnsignedHyper();
        return new CommitArgs(file, offset, Nfs3Xdr.readCount(in));
    }

    public static void writeCommitArgs(XdrEncoder out, CommitArgs args) {
        Nfs3Xdr.writeHandle(out, args.file());
        out.writeHyper(args.offset());
        Nfs3Xdr.writeCount(out, args.count());
    }

    public static void writeCommitResult(XdrEncoder out, CommitResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writeWccData(out, result.fileWcc());
        switch (result) {
            case CommitResult.Ok ok -> Nfs3Xdr.writeVerifier(out, ok.verifier());
            case CommitResult.Fail fail -> { }
        }
    }

    public static CommitResult readCommitResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        WccData wcc = AttributesXdr.readWccData(in);
        return status == Nfs3Status.NFS3_OK
                ? new CommitResult.Ok(wcc, Nfs3Xdr.readVerifier(in))
                : new CommitResult.Fail(status, wcc);
    }
}
