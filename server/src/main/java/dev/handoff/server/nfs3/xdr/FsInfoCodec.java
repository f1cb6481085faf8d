package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;

/** Codecs of FSSTAT, FSINFO and PATHCONF (RFC 1813 §3.3.18 to §3.3.20), both directions. */
public final class FsInfoCodec {
    private FsInfoCodec() {
    }

    // FSSTAT, §3.3.18

    public static FsstatArgs readFsstatArgs(XdrDecoder in) {
        return new FsstatArgs(Nfs3Xdr.readHandle(in));
    }

    public static void writeFsstatArgs(XdrEncoder out, FsstatArgs args) {
        Nfs3Xdr.writeHandle(out, args.fsroot());
    }

    public static void writeFsstatResult(XdrEncoder out, FsstatResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.objAttributes());
        switch (result) {
            case FsstatResult.Ok ok -> {
                out.writeHyper(ok.tbytes());
                out.writeHyper(ok.fbytes());
                out.writeHyper(ok.abytes());
                out.writeHyper(ok.tfiles());
                out.writeHyper(ok.ffiles());
                out.writeHyper(ok.afiles());
                out.writeInt(ok.invarsec());
            }
            case FsstatResult.Fail fail -> { }
        }
    }

    public static FsstatResult readFsstatResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new FsstatResult.Fail(status, attributes);
        }
        // Arguments are evaluated left to right (JLS §15.7.4), so these reads follow the wire order.
        return new FsstatResult.Ok(attributes, in.readUnsignedHyper(), in.readUnsignedHyper(),
                in.readUnsignedHyper(), in.readUnsignedHyper(), in.readUnsignedHyper(), in.readUnsignedHyper(),
                in.readInt());
    }

    // FSINFO, §3.3.19

    public static FsinfoArgs readFsinfoArgs(XdrDecoder in) {
        return new FsinfoArgs(Nfs3Xdr.readHandle(in));
    }

    public static void writeFsinfoArgs(XdrEncoder out, FsinfoArgs args) {
        Nfs3Xdr.writeHandle(out, args.fsroot());
    }

    public static void writeFsinfoResult(XdrEncoder out, FsinfoResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.objAttributes());
        switch (result) {
            case FsinfoResult.Ok ok -> {
                out.writeInt(ok.rtmax());
                out.writeInt(ok.rtpref());
                out.writeInt(ok.rtmult());
                out.writeInt(ok.wtmax());
                out.writeInt(ok.wtpref());
                out.writeInt(ok.wtmult());
                out.writeInt(ok.dtpref());
                out.writeHyper(ok.maxfilesize());
                AttributesXdr.writeTime(out, ok.timeDelta());
                out.writeInt(ok.properties());
            }
            case FsinfoResult.Fail fail -> { }
        }
    }

    public static FsinfoResult readFsinfoResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new FsinfoResult.Fail(status, attributes);
        }
        return new FsinfoResult.Ok(attributes, in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt(), in.readInt(), in.readUnsignedHyper(), AttributesXdr.readTime(in),
                in.readInt());
    }

    // PATHCONF, §3.3.20

    public static PathconfArgs readPathconfArgs(XdrDecoder in) {
        return new PathconfArgs(Nfs3Xdr.readHandle(in));
    }

    public static void writePathconfArgs(XdrEncoder out, PathconfArgs args) {
        Nfs3Xdr.writeHandle(out, args.object());
    }

    public static void writePathconfResult(XdrEncoder out, PathconfResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.objAttributes());
        switch (result) {
            case PathconfResult.Ok ok -> {
                out.writeInt(ok.linkmax());
                out.writeInt(ok.nameMax());
                out.writeBool(ok.noTrunc());
                out.writeBool(ok.chownRestricted());
                out.writeBool(ok.caseInsensitive());
                out.writeBool(ok.casePreserving());
            }
            case PathconfResult.Fail fail -> { }
        }
    }

    public static PathconfResult readPathconfResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new PathconfResult.Fail(status, attributes);
        }
        return new PathconfResult.Ok(attributes, in.readInt(), in.readInt(), in.readBool(), in.readBool(),
                in.readBool(), in.readBool());
    }
}
