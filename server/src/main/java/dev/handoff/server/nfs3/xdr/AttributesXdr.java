package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;

/**
 * Codecs of the attribute types of RFC 1813 §2.6: nfstime3, specdata3, fattr3, wcc_attr, pre_op_attr,
 * post_op_attr, wcc_data and sattr3 with its set_it unions.
 */
public final class AttributesXdr {
    private AttributesXdr() {
    }

    public static NfsTime3 readTime(XdrDecoder in) {
        long seconds = in.readUnsignedInt();
        return new NfsTime3(seconds, in.readUnsignedInt());
    }

    public static void writeTime(XdrEncoder out, NfsTime3 time) {
        out.writeUnsignedInt(time.seconds());
        out.writeUnsignedInt(time.nseconds());
    }

    public static SpecData3 readSpecData(XdrDecoder in) {
        int major = in.readInt();
        return new SpecData3(major, in.readInt());
    }

    public static void writeSpecData(XdrEncoder out, SpecData3 spec) {
        out.writeInt(spec.major());
        out.writeInt(spec.minor());
    }

    public static Fattr3 readFattr(XdrDecoder in) {
        FileType3 type = Nfs3Xdr.readFileType(in);
        int mode = in.readInt();
        int nlink = in.readInt();
        int uid = in.readInt();
        int gid = in.readInt();
        long size = in.readUnsignedHyper();
        long used = in.readUnsignedHyper();
        SpecData3 rdev = readSpecData(in);
        long fsid = in.readUnsignedHyper();
        long fileid = in.readUnsignedHyper();
        NfsTime3 atime = readTime(in);
        NfsTime3 mtime = readTime(in);
        return new Fattr3(type, mode, nlink, uid, gid, size, used, rdev, fsid, fileid, atime, mtime,
                readTime(in));
    }

    public static void writeFattr(XdrEncoder out, Fattr3 a) {
        out.writeEnum(a.type().value());
        out.writeInt(a.mode());
        out.writeInt(a.nlink());
        out.writeInt(a.uid());
        out.writeInt(a.gid());
        out.writeHyper(a.size());
        out.writeHyper(a.used());
        writeSpecData(out, a.rdev());
        out.writeHyper(a.fsid());
        out.writeHyper(a.fileid());
        writeTime(out, a.atime());
        writeTime(out, a.mtime());
        writeTime(out, a.ctime());
    }

    public static WccAttr readWccAttr(XdrDecoder in) {
        long size = in.readUnsignedHyper();
        NfsTime3 mtime = readTime(in);
        return new WccAttr(size, mtime, readTime(in));
    }

    public static void writeWccAttr(XdrEncoder out, WccAttr a) {
        out.writeHyper(a.size());
        writeTime(out, a.mtime());
        writeTime(out, a.ctime());
    }

    public static PreOpAttr readPreOpAttr(XdrDecoder in) {
        return PreOpAttr.of(in.readOptional(AttributesXdr::readWccAttr));
    }

    public static void writePreOpAttr(XdrEncoder out, PreOpAttr attr) {
        out.writeOptional(attr.attributes(), AttributesXdr::writeWccAttr);
    }

    public static PostOpAttr readPostOpAttr(XdrDecoder in) {
        return PostOpAttr.of(in.readOptional(AttributesXdr::readFattr));
    }

    public static void writePostOpAttr(XdrEncoder out, PostOpAttr attr) {
        out.writeOptional(attr.attributes(), AttributesXdr::writeFattr);
    }

    public static WccData readWccData(XdrDecoder in) {
        PreOpAttr before = readPreOpAttr(in);
        return new WccData(before, readPostOpAttr(in));
    }

    public static void writeWccData(XdrEncoder out, WccData wcc) {
        writePreOpAttr(out, wcc.before());
        writePostOpAttr(out, wcc.after());
    }

    public static Sattr3 readSattr(XdrDecoder in) {
        Integer mode = in.readBool() ? in.readInt() : null;
        Integer uid = in.readBool() ? in.readInt() : null;
        Integer gid = in.readBool() ? in.readInt() : null;
        Long size = in.readBool() ? in.readUnsignedHyper() : null;
        SetTime3 atime = readSetTime(in);
        return new Sattr3(mode, uid, gid, size, atime, readSetTime(in));
    }

    public static void writeSattr(XdrEncoder out, Sattr3 s) {
        writeOptionalInt(out, s.mode());
        writeOptionalInt(out, s.uid());
        writeOptionalInt(out, s.gid());
        out.writeBool(s.size() != null);
        if (s.size() != null) {
            out.writeHyper(s.size());
        }
        writeSetTime(out, s.atime());
        writeSetTime(out, s.mtime());
    }

    private static void writeOptionalInt(XdrEncoder out, Integer value) {
        out.writeBool(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static SetTime3 readSetTime(XdrDecoder in) {
        int how = in.readEnum();
        return switch (how) {
            case SetTime3.DONT_CHANGE -> SetTime3.DontChange.INSTANCE;
            case SetTime3.SET_TO_SERVER_TIME -> SetTime3.ServerTime.INSTANCE;
            case SetTime3.SET_TO_CLIENT_TIME -> new SetTime3.ClientTime(readTime(in));
            default -> throw new XdrException("unknown time_how " + how);
        };
    }

    private static void writeSetTime(XdrEncoder out, SetTime3 time) {
        out.writeEnum(time.how());
        switch (time) {
            case SetTime3.DontChange d -> { }
            case SetTime3.ServerTime s -> { }
            case SetTime3.ClientTime c -> writeTime(out, c.time());
        }
    }
}
