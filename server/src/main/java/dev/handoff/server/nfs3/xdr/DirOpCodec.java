package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;

/**
 * Codecs of LOOKUP, READLINK, REMOVE, RMDIR, RENAME and LINK (RFC 1813 §3.3.3, §3.3.5, §3.3.12 to §3.3.15),
 * both directions.
 */
public final class DirOpCodec {
    private DirOpCodec() {
    }

    // LOOKUP, §3.3.3

    public static LookupArgs readLookupArgs(XdrDecoder in) {
        return new LookupArgs(Nfs3Xdr.readDirOpArgs(in));
    }

    public static void writeLookupArgs(XdrEncoder out, LookupArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.what());
    }

    public static void writeLookupResult(XdrEncoder out, LookupResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        switch (result) {
            case LookupResult.Ok ok -> {
                Nfs3Xdr.writeHandle(out, ok.object());
                AttributesXdr.writePostOpAttr(out, ok.objAttributes());
            }
            case LookupResult.Fail fail -> { }
        }
        AttributesXdr.writePostOpAttr(out, result.dirAttributes());
    }

    public static LookupResult readLookupResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new LookupResult.Fail(status, AttributesXdr.readPostOpAttr(in));
        }
        FileHandle3 object = Nfs3Xdr.readHandle(in);
        PostOpAttr objAttributes = AttributesXdr.readPostOpAttr(in);
        return new LookupResult.Ok(object, objAttributes, AttributesXdr.readPostOpAttr(in));
    }

    // READLINK, §3.3.5

    public static ReadlinkArgs readReadlinkArgs(XdrDecoder in) {
        return new ReadlinkArgs(Nfs3Xdr.readHandle(in));
    }

    public static void writeReadlinkArgs(XdrEncoder out, ReadlinkArgs args) {
        Nfs3Xdr.writeHandle(out, args.symlink());
    }

    public static void writeReadlinkResult(XdrEncoder out, ReadlinkResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.symlinkAttributes());
        switch (result) {
            case ReadlinkResult.Ok ok -> Nfs3Xdr.writePath(out, ok.data());
            case ReadlinkResult.Fail fail -> { }
        }
    }

    public static ReadlinkResult readReadlinkResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        return status == Nfs3Status.NFS3_OK
                ? new ReadlinkResult.Ok(attributes, Nfs3Xdr.readPath(in))
                : new ReadlinkResult.Fail(status, attributes);
    }

    // REMOVE and RMDIR, §3.3.12 and §3.3.13: the same arguments and results

    public static RemoveArgs readRemoveArgs(XdrDecoder in) {
        return new RemoveArgs(Nfs3Xdr.readDirOpArgs(in));
    }

    public static void writeRemoveArgs(XdrEncoder out, RemoveArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.object());
    }

    public static RmdirArgs readRmdirArgs(XdrDecoder in) {
        return new RmdirArgs(Nfs3Xdr.readDirOpArgs(in));
    }

    public static void writeRmdirArgs(XdrEncoder out, RmdirArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.object());
    }

    public static void writeRemoveResult(XdrEncoder out, RemoveResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        switch (result) {
            case RemoveResult.Ok ok -> AttributesXdr.writeWccData(out, ok.dirWcc());
            case RemoveResult.Fail fail -> AttributesXdr.writeWccData(out, fail.dirWcc());
        }
    }

    public static RemoveResult readRemoveResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        WccData wcc = AttributesXdr.readWccData(in);
        return status == Nfs3Status.NFS3_OK ? new RemoveResult.Ok(wcc) : new RemoveResult.Fail(status, wcc);
    }

    // RENAME, §3.3.14

    public static RenameArgs readRenameArgs(XdrDecoder in) {
        DirOpArgs3 from = Nfs3Xdr.readDirOpArgs(in);
        return new RenameArgs(from, Nfs3Xdr.readDirOpArgs(in));
    }

    public static void writeRenameArgs(XdrEncoder out, RenameArgs args) {
        Nfs3Xdr.writeDirOpArgs(out, args.from());
        Nfs3Xdr.writeDirOpArgs(out, args.to());
    }

    public static void writeRenameResult(XdrEncoder out, RenameResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writeWccData(out, result.fromdirWcc());
        AttributesXdr.writeWccData(out, result.todirWcc());
    }

    public static RenameResult readRenameResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        WccData from = AttributesXdr.readWccData(in);
        WccData to = AttributesXdr.readWccData(in);
        return status == Nfs3Status.NFS3_OK
                ? new RenameResult.Ok(from, to)
                : new RenameResult.Fail(status, from, to);
    }

    // LINK, §3.3.15

    public static LinkArgs readLinkArgs(XdrDecoder in) {
        FileHandle3 file = Nfs3Xdr.readHandle(in);
        return new LinkArgs(file, Nfs3Xdr.readDirOpArgs(in));
    }

    public static void writeLinkArgs(XdrEncoder out, LinkArgs args) {
        Nfs3Xdr.writeHandle(out, args.file());
        Nfs3Xdr.writeDirOpArgs(out, args.link());
    }

    public static void writeLinkResult(XdrEncoder out, LinkResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.fileAttributes());
        AttributesXdr.writeWccData(out, result.linkdirWcc());
    }

    public static LinkResult readLinkResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        WccData wcc = AttributesXdr.readWccData(in);
        return status == Nfs3Status.NFS3_OK
                ? new LinkResult.Ok(attributes, wcc)
                : new LinkResult.Fail(status, attributes, wcc);
    }
}
