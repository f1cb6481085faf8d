package dev.handoff.nsm.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Codecs of NSM version 1 (XNFS chapter 11, {@code sm_inter.x}), both directions. SM_NULL and SM_SIMU_CRASH
 * take and return nothing; every other argument and result is here.
 */
public final class NsmCodec {
    /** SM_MAXSTRLEN: the longest host name, in bytes. */
    public static final int SM_MAXSTRLEN = 1024;

    private NsmCodec() {
    }

    // SM_STAT

    public static SmName readSmName(XdrDecoder in) {
        return new SmName(readName(in));
    }

    public static void writeSmName(XdrEncoder out, SmName name) {
        writeName(out, name.monName(), "mon_name");
    }

    public static SmStatRes readSmStatRes(XdrDecoder in) {
        SmRes res = in.readEnum(SmRes::of);
        return new SmStatRes(res, in.readInt());
    }

    public static void writeSmStatRes(XdrEncoder out, SmStatRes res) {
        out.writeEnum(res.resStat().value()).writeInt(res.state());
    }

    // SM_MON, SM_UNMON, SM_UNMON_ALL

    public static MyId readMyId(XdrDecoder in) {
        String name = readName(in);
        int prog = in.readInt();
        int vers = in.readInt();
        return new MyId(name, prog, vers, in.readInt());
    }

    public static void writeMyId(XdrEncoder out, MyId id) {
        writeName(out, id.myName(), "my_name");
        out.writeInt(id.myProg()).writeInt(id.myVers()).writeInt(id.myProc());
    }

    public static MonId readMonId(XdrDecoder in) {
        String monName = readName(in);
        return new MonId(monName, readMyId(in));
    }

    public static void writeMonId(XdrEncoder out, MonId id) {
        writeName(out, id.monName(), "mon_name");
        writeMyId(out, id.myId());
    }

    public static Mon readMon(XdrDecoder in) {
        MonId id = readMonId(in);
        return new Mon(id, in.readFixedOpaque(Mon.PRIV_SIZE));
    }

    public static void writeMon(XdrEncoder out, Mon mon) {
        writeMonId(out, mon.monId());
        out.writeFixedOpaque(mon.priv());
    }

    public static SmStat readSmStat(XdrDecoder in) {
        return new SmStat(in.readInt());
    }

    public static void writeSmStat(XdrEncoder out, SmStat stat) {
        out.writeInt(stat.state());
    }

    // SM_NOTIFY and the status callback

    public static StatChge readStatChge(XdrDecoder in) {
        String monName = readName(in);
        return new StatChge(monName, in.readInt());
    }

    public static void writeStatChge(XdrEncoder out, StatChge change) {
        writeName(out, change.monName(), "mon_name");
        out.writeInt(change.state());
    }

    public static CallbackStatus readCallbackStatus(XdrDecoder in) {
        String monName = readName(in);
        int state = in.readInt();
        return new CallbackStatus(monName, state, in.readFixedOpaque(Mon.PRIV_SIZE));
    }

    public static void writeCallbackStatus(XdrEncoder out, CallbackStatus status) {
        writeName(out, status.monName(), "mon_name");
        out.writeInt(status.state());
        out.writeFixedOpaque(status.priv());
    }

    private static String readName(XdrDecoder in) {
        return in.readString(SM_MAXSTRLEN);
    }

    /** A name longer than SM_MAXSTRLEN bytes would be refused by every peer; refusing it here names the bug. */
    private static void writeName(XdrEncoder out, String name, String what) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > SM_MAXSTRLEN) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes exceeds " + SM_MAXSTRLEN);
        }
        out.writeOpaque(bytes, 0, bytes.length);
    }
}
