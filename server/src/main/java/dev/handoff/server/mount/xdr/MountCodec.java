package dev.handoff.server.mount.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Nfs3Xdr;
import java.nio.charset.StandardCharsets;

/**
 * Codecs of MOUNT v1 and v3 (RFC 1813 appendix I, RFC 1094 appendix A), both directions. NULL and UMNTALL
 * take and return nothing; the others are here.
 */
public final class MountCodec {
    /** The longest path, in bytes. */
    public static final int MNTPATHLEN = 1024;
    /** The longest host or group name, in bytes. */
    public static final int MNTNAMLEN = 255;
    /** The most auth flavors a decoded MNT v3 reply may list; RFC 5531 defines a handful. */
    public static final int MAX_AUTH_FLAVORS = 32;
    /** The most mounts, exports or groups of one export a decoded reply may list. */
    public static final int MAX_DECODED_ENTRIES = 1 << 16;

    private MountCodec() {
    }

    // MNT, appendix I.4.1; UMNT, I.4.3

    public static MntArgs readMntArgs(XdrDecoder in) {
        return new MntArgs(in.readString(MNTPATHLEN));
    }

    public static void writeMntArgs(XdrEncoder out, MntArgs args) {
        writeString(out, args.dirpath(), MNTPATHLEN, "dirpath");
    }

    public static UmntArgs readUmntArgs(XdrDecoder in) {
        return new UmntArgs(in.readString(MNTPATHLEN));
    }

    public static void writeUmntArgs(XdrEncoder out, UmntArgs args) {
        writeString(out, args.dirpath(), MNTPATHLEN, "dirpath");
    }

    public static void writeMnt3Result(XdrEncoder out, Mnt3Result result) {
        out.writeEnum(result.status().value());
        switch (result) {
            case Mnt3Result.Ok ok -> {
                Nfs3Xdr.writeHandle(out, ok.handle());
                out.writeArray(ok.authFlavors(), XdrEncoder::writeInt);
            }
            case Mnt3Result.Fail fail -> { }
        }
    }

    public static Mnt3Result readMnt3Result(XdrDecoder in) {
        MountStatus status = in.readEnum(MountStatus::of);
        if (status != MountStatus.MNT3_OK) {
            return new Mnt3Result.Fail(status);
        }
        FileHandle3 handle = Nfs3Xdr.readHandle(in);
        return new Mnt3Result.Ok(handle, in.readArray(MAX_AUTH_FLAVORS, XdrDecoder::readInt));
    }

    /** fhstatus: the status is an unsigned errno, the handle a fixed opaque without a length. */
    public static void writeMnt1Result(XdrEncoder out, Mnt1Result result) {
        out.writeUnsignedInt(result.status().value());
        switch (result) {
            case Mnt1Result.Ok ok -> out.writeFixedOpaque(ok.handle());
            case Mnt1Result.Fail fail -> { }
        }
    }

    public static Mnt1Result readMnt1Result(XdrDecoder in) {
        MountStatus status = in.readEnum(MountStatus::of);
        return status == MountStatus.MNT3_OK
                ? new Mnt1Result.Ok(in.readFixedOpaque(Mnt1Result.FHSIZE))
                : new Mnt1Result.Fail(status);
    }

    // DUMP, appendix I.4.2

    public static void writeDumpResult(XdrEncoder out, DumpResult result) {
        out.writeList(result.mounts(), (o, m) -> {
            writeString(o, m.hostname(), MNTNAMLEN, "hostname");
            writeString(o, m.directory(), MNTPATHLEN, "directory");
        });
    }

    public static DumpResult readDumpResult(XdrDecoder in) {
        return new DumpResult(in.readList(MAX_DECODED_ENTRIES, i -> {
            String hostname = i.readString(MNTNAMLEN);
            return new MountEntry(hostname, i.readString(MNTPATHLEN));
        }));
    }

    // EXPORT, appendix I.4.5

    public static void writeExportResult(XdrEncoder out, ExportResult result) {
        out.writeList(result.exports(), (o, e) -> {
            writeString(o, e.directory(), MNTPATHLEN, "directory");
            o.writeList(e.groups(), (g, group) -> writeString(g, group, MNTNAMLEN, "group"));
        });
    }

    public static ExportResult readExportResult(XdrDecoder in) {
        return new ExportResult(in.readList(MAX_DECODED_ENTRIES, i -> {
            String directory = i.readString(MNTPATHLEN);
            return new ExportEntry(directory, i.readList(MAX_DECODED_ENTRIES, g -> g.readString(MNTNAMLEN)));
        }));
    }

    /** A string of at most {@code max} UTF-8 bytes; a longer one is a server bug, refused before writing. */
    private static void writeString(XdrEncoder out, String s, int max, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes exceeds " + max);
        }
        out.writeOpaque(bytes, 0, bytes.length);
    }
}
