package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;

/**
 * Codecs of CREATE, MKDIR, SYMLINK and MKNOD (RFC 1813 §3.3.8 to §3.3.11), both directions. The four share
 * one result shape, {@link NewObjectResult}.
 */
public final class CreateCodec {
    private CreateCodec() {
    }

    // CREATE, §3.3.8

    public static CreateArgs readCreateArgs(XdrDecoder in) {
        DirOpArgs3 where = Nfs3Xdr.readDirOpArgs(in);
        int mode = in.readEnum();
        CreateHow3 how = switch (mode) {
            case CreateHow3.UNCHECKED -> new CreateHow3.Unchecked(AttributesXdr.readSattr(in));
            case CreateHow3.GUARDED -> new CreateHow3.Guarded(AttributesXdr.readSattr(in));
            case CreateHow3.EXCLUSIVE -> new CreateHow3.Exclusive(Nfs3Xdr.readVerifier(in));
            default -> throw new XdrException("unknown createmode3 " + mode);
        };
        return new CreateArgs(where, how);
    }

    public static void writeCreateArgs(XdrEncoder out, CreateArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.where());
        out.writeEnum(args.how().mode());
        switch (args.how()) {
            case CreateHow3.Unchecked u -> AttributesXdr.writeSattr(out, u.attributes());
            case CreateHow3.Guarded g -> AttributesXdr.writeSattr(out, g.attributes());
            case CreateHow3.Exclusive e -> Nfs3Xdr.writeVerifier(out, e.verifier());
        }
    }

    // MKDIR, §3.3.9

    public static MkdirArgs readMkdirArgs(XdrDecoder in) {
        DirOpArgs3 where = Nfs3Xdr.readDirOpArgs(in);
        return new MkdirArgs(where, AttributesXdr.readSattr(in));
    }

    public static void writeMkdirArgs(XdrEncoder out, MkdirArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.where());
        AttributesXdr.writeSattr(out, args.attributes());
    }

    // SYMLINK, §3.3.10

    public static SymlinkArgs readSymlinkArgs(XdrDecoder in) {
        DirOpArgs3 where = Nfs3Xdr.readDirOpArgs(in);
        Sattr3 attributes = AttributesXdr.readSattr(in);
        return new SymlinkArgs(where, attributes, Nfs3Xdr.readPath(in));
    }

    public static void writeSymlinkArgs(XdrEncoder out, SymlinkArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.where());
        AttributesXdr.writeSattr(out, args.attributes());
        Nfs3Xdr.writePath(out, args.data());
    }

    // MKNOD, §3.3.11

    public static MknodArgs readMknodArgs(XdrDecoder in) {
        DirOpArgs3 where = Nfs3Xdr.readDirOpArgs(in);
        FileType3 type = Nfs3Xdr.readFileType(in);
        MknodData3 what = switch (type) {
            case NF3CHR, NF3BLK -> {
                Sattr3 attributes = AttributesXdr.readSattr(in);
                yield new MknodData3.Device(type, attributes, AttributesXdr.readSpecData(in));
            }
            case NF3SOCK, NF3FIFO -> new MknodData3.Pipe(type, AttributesXdr.readSattr(in));
            case NF3REG, NF3DIR, NF3LNK -> new MknodData3.Other(type);
        };
        return new MknodArgs(where, what);
    }

    public static void writeMknodArgs(XdrEncoder out, MknodArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.where());
        out.writeEnum(args.what().type().value());
        switch (args.what()) {
            case MknodData3.Device d -> {
                AttributesXdr.writeSattr(out, d.attributes());
                AttributesXdr.writeSpecData(out, d.spec());
            }
            case MknodData3.Pipe p -> AttributesXdr.writeSattr(out, p.attributes());
            case MknodData3.Other o -> { }
        }
    }

    // The shared result

    public static void writeNewObjectResult(XdrEncoder out, NewObjectResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        switch (result) {
            case NewObjectResult.Ok ok -> {
                Nfs3Xdr.writePostOpHandle(out, ok.object());
                AttributesXdr.writePostOpAttr(out, ok.objAttributes());
            }
            case NewObjectResult.Fail fail -> { }
        }
        AttributesXdr.writeWccData(out, result.dirWcc());
    }

    public static NewObjectResult readNewObjectResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new NewObjectResult.Fail(status, AttributesXdr.readWccData(in));
        }
        FileHandle3 object = Nfs3Xdr.readPostOpHandle(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        return new NewObjectResult.Ok(object, attributes, AttributesXdr.readWccData(in));
    }
}
