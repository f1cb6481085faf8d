package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;

/** Codecs of GETATTR, SETATTR and ACCESS (RFC 1813 §3.3.1, §3.3.2, §3.3.4), both directions. */
public final class AttrCodec {
    private AttrCodec() {
    }

    // GETATTR, §3.3.1

    public static GetattrArgs readGetattrArgs(XdrDecoder in) {
        return new GetattrArgs(Nfs3Xdr.readHandle(in));
    }

    public static void writeGetattrArgs(XdrEncoder out, GetattrArgs args) {
        Nfs3Xdr.writeHandle(out, args.object());
    }

    public static void writeGetattrResult(XdrEncoder out, GetattrResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        switch (result) {
            case GetattrResult.Ok ok -> AttributesXdr.writeFattr(out, ok.attributes());
            case GetattrResult.Fail fail -> { }
        }
    }

    public static GetattrResult readGetattrResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        return status == Nfs3Status.NFS3_OK
                ? new GetattrResult.Ok(AttributesXdr.readFattr(in))
                : new GetattrResult.Fail(status);
    }

    // SETATTR, §3.3.2

    public static SetattrArgs readSetattrArgs(XdrDecoder in) {
        FileHandle3 object = Nfs3Xdr.readHandle(in);
        Sattr3 attributes = AttributesXdr.readSattr(in);
        return new SetattrArgs(object, attributes, in.readOptional(AttributesXdr::readTime));
    }

    public static void writeSetattrArgs(XdrEncoder out, SetattrArgs args) {
        Nfs3Xdr.writeHandle(out, args.object());
        AttributesXdr.writeSattr(out, args.newAttributes());
        out.writeOptional(args.guardCtime(), AttributesXdr::writeTime);
    }

    public static void writeSetattrResult(XdrEncoder out, SetattrResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        switch (result) {
            case SetattrResult.Ok ok -> AttributesXdr.writeWccData(out, ok.objWcc());
            case SetattrResult.Fail fail -> AttributesXdr.writeWccData(out, fail.objWcc());
        }
    }

    public static SetattrResult readSetattrResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        WccData wcc = AttributesXdr.readWccData(in);
        return status == Nfs3Status.NFS3_OK ? new SetattrResult.Ok(wcc) : new SetattrResult.Fail(status, wcc);
    }

    // ACCESS, §3.3.4

    public static AccessArgs readAccessArgs(XdrDecoder in) {
        FileHandle3 object = Nfs3Xdr.readHandle(in);
        return new AccessArgs(object, in.readInt());
    }

    public static void writeAccessArgs(XdrEncoder out, AccessArgs args) {
        Nfs3Xdr.writeHandle(out, args.object());
        out.writeInt(args.access());
    }

    public static void writeAccessResult(XdrEncoder out, AccessResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.objAttributes());
        switch (result) {
            case AccessResult.Ok ok -> out.writeInt(ok.access());
            case AccessResult.Fail fail -> { }
        }
    }

    public static AccessResult readAccessResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        return status == Nfs3Status.NFS3_OK
                ? new AccessResult.Ok(attributes, in.readInt())
                : new AccessResult.Fail(status, attributes);
    }
}
