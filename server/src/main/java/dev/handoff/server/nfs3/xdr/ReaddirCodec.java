package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;

/**
 * Codecs of READDIR and READDIRPLUS (RFC 1813 §3.3.16, §3.3.17), both directions. Entries go on the wire as
 * XDR's linked list of optional-data, ended by FALSE and the eof flag. How many entries a reply holds is the
 * handler's choice, made with {@link DirListBudget}; the writer writes what it is given.
 */
public final class ReaddirCodec {
    /**
     * The most entries a decoded reply may hold: a 1 MiB reply of the smallest entries (24 bytes each) has
     * fewer.
     */
    public static final int MAX_DECODED_ENTRIES = 1 << 16;

    private ReaddirCodec() {
    }

    // READDIR, §3.3.16

    public static ReaddirArgs readReaddirArgs(XdrDecoder in) {
        FileHandle3 dir = Nfs3Xdr.readHandle(in);
        long cookie = in.readUnsignedHyper();
        Verifier3 verifier = Nfs3Xdr.readVerifier(in);
        return new ReaddirArgs(dir, cookie, verifier, Nfs3Xdr.readCount(in));
    }

    public static void writeReaddirArgs(XdrEncoder out, ReaddirArgs args) {
        Nfs3Xdr.writeHandle(out, args.dir());
        out.writeHyper(args.cookie());
        Nfs3Xdr.writeVerifier(out, args.cookieverf());
        Nfs3Xdr.writeCount(out, args.count());
    }

    public static void writeReaddirResult(XdrEncoder out, ReaddirResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.dirAttributes());
        switch (result) {
            case ReaddirResult.Ok ok -> {
                Nfs3Xdr.writeVerifier(out, ok.cookieverf());
                out.writeList(ok.entries(), ReaddirCodec::writeEntry);
                out.writeBool(ok.eof());
            }
            case ReaddirResult.Fail fail -> { }
        }
    }

    public static ReaddirResult readReaddirResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new ReaddirResult.Fail(status, attributes);
        }
        Verifier3 verifier = Nfs3Xdr.readVerifier(in);
        List<Entry3> entries = in.readList(MAX_DECODED_ENTRIES, ReaddirCodec::readEntry);
        return new ReaddirResult.Ok(attributes, verifier, entries, in.readBool());
    }

    private static void writeEntry(XdrEncoder out, Entry3 entry) {
        out.writeHyper(entry.fileid());
        Nfs3Xdr.writeName(out, entry.name());
        out.writeHyper(entry.cookie());
    }

    private static Entry3 readEntry(XdrDecoder in) {
        long fileid = in.readUnsignedHyper();
        Filename3 name = Nfs3Xdr.readName(in);
        return new Entry3(fileid, name, in.readUnsignedHyper());
    }

    // READDIRPLUS, §3.3.17

    public static ReaddirplusArgs readReaddirplusArgs(XdrDecoder in) {
        FileHandle3 dir = Nfs3Xdr.readHandle(in);
        long cookie = in.readUnsignedHyper();
        Verifier3 verifier = Nfs3Xdr.readVerifier(in);
        long dircount = Nfs3Xdr.readCount(in);
        return new ReaddirplusArgs(dir, cookie, verifier, dircount, Nfs3Xdr.readCount(in));
    }

    public static void writeReaddirplusArgs(XdrEncoder out, ReaddirplusArgs args) {
        Nfs3Xdr.writeHandle(out, args.dir());
        out.writeHyper(args.cookie());
        Nfs3Xdr.writeVerifier(out, args.cookieverf());
        Nfs3Xdr.writeCount(out, args.dircount());
        Nfs3Xdr.writeCount(out, args.maxcount());
    }

    public static void writeReaddirplusResult(XdrEncoder out, ReaddirplusResult result) {
        Nfs3Xdr.writeStatus(out, result.status());
        AttributesXdr.writePostOpAttr(out, result.dirAttributes());
        switch (result) {
            case ReaddirplusResult.Ok ok -> {
                Nfs3Xdr.writeVerifier(out, ok.cookieverf());
                out.writeList(ok.entries(), ReaddirCodec::writeEntryPlus);
                out.writeBool(ok.eof());
            }
            case ReaddirplusResult.Fail fail -> { }
        }
    }

    public static ReaddirplusResult readReaddirplusResult(XdrDecoder in) {
        Nfs3Status status = Nfs3Xdr.readStatus(in);
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        if (status != Nfs3Status.NFS3_OK) {
            return new ReaddirplusResult.Fail(status, attributes);
        }
        Verifier3 verifier = Nfs3Xdr.readVerifier(in);
        List<EntryPlus3> entries = in.readList(MAX_DECODED_ENTRIES, ReaddirCodec::readEntryPlus);
        return new ReaddirplusResult.Ok(attributes, verifier, entries, in.readBool());
    }

    private static void writeEntryPlus(XdrEncoder out, EntryPlus3 entry) {
        out.writeHyper(entry.fileid());
        Nfs3Xdr.writeName(out, entry.name());
        out.writeHyper(entry.cookie());
        AttributesXdr.writePostOpAttr(out, entry.nameAttributes());
        Nfs3Xdr.writePostOpHandle(out, entry.nameHandle());
    }

    private static EntryPlus3 readEntryPlus(XdrDecoder in) {
        long fileid = in.readUnsignedHyper();
        Filename3 name = Nfs3Xdr.readName(in);
        long cookie = in.readUnsignedHyper();
        PostOpAttr attributes = AttributesXdr.readPostOpAttr(in);
        return new EntryPlus3(fileid, name, cookie, attributes, Nfs3Xdr.readPostOpHandle(in));
    }
}
