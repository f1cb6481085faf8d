package dev.handoff.rpc.rpcbind.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;

/** RFC 1833 §2.2 results only version 4 has: {@code rpcb_entry_list_ptr} and {@code rpcb_stat_byvers}. */
public final class RpcbV4Codec {
    /** Most entries a decoded rpcb_entry_list or statistics list may hold. */
    public static final int MAX_LIST = 4096;
    private static final int MAX_NAME = 64;

    private RpcbV4Codec() {
    }

    public static RpcbEntry readEntry(XdrDecoder in) {
        String address = in.readString(RpcbCodec.MAX_ADDRESS);
        String netid = in.readString(RpcbCodec.MAX_NETID);
        int semantics = in.readInt();
        String family = in.readString(MAX_NAME);
        String protocol = in.readString(MAX_NAME);
        return new RpcbEntry(address, netid, semantics, family, protocol);
    }

    public static void writeEntry(XdrEncoder out, RpcbEntry e) {
        out.writeString(e.address()).writeString(e.netid()).writeInt(e.semantics())
                .writeString(e.protocolFamily()).writeString(e.protocol());
    }

    public static List<RpcbEntry> readEntryList(XdrDecoder in) {
        return in.readList(MAX_LIST, RpcbV4Codec::readEntry);
    }

    public static void writeEntryList(XdrEncoder out, List<RpcbEntry> entries) {
        out.writeList(entries, RpcbV4Codec::writeEntry);
    }

    /** {@code rpcb_stat_byvers}: a fixed array of {@link RpcbStat#VERSIONS} statistics. */
    public static List<RpcbStat> readStatByVersion(XdrDecoder in) {
        return in.readFixedArray(RpcbStat.VERSIONS, RpcbV4Codec::readStat);
    }

    public static void writeStatByVersion(XdrEncoder out, List<RpcbStat> stats) {
        if (stats.size() != RpcbStat.VERSIONS) {
            throw new IllegalArgumentException("rpcb_stat_byvers has " + RpcbStat.VERSIONS + " entries");
        }
        stats.forEach(s -> writeStat(out, s));
    }

    static RpcbStat readStat(XdrDecoder in) {
        List<Integer> calls = in.readFixedArray(RpcbStat.PROCEDURES, XdrDecoder::readInt);
        int sets = in.readInt();
        int unsets = in.readInt();
        List<RpcbStat.AddrStat> lookups = in.readList(MAX_LIST, RpcbV4Codec::readAddrStat);
        List<RpcbStat.RemoteCallStat> remote = in.readList(MAX_LIST, RpcbV4Codec::readRemoteCallStat);
        return new RpcbStat(calls, sets, unsets, lookups, remote);
    }

    static void writeStat(XdrEncoder out, RpcbStat s) {
        s.procedureCalls().forEach(out::writeInt);
        out.writeInt(s.sets()).writeInt(s.unsets());
        // rpcbs_addrlist and rpcbs_rmtcalllist end with their own next pointer, which is the list encoding.
        out.writeList(s.lookups(), RpcbV4Codec::writeAddrStat);
        out.writeList(s.remoteCalls(), RpcbV4Codec::writeRemoteCallStat);
    }

    private static RpcbStat.AddrStat readAddrStat(XdrDecoder in) {
        return new RpcbStat.AddrStat(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readString(RpcbCodec.MAX_NETID));
    }

    private static void writeAddrStat(XdrEncoder out, RpcbStat.AddrStat a) {
        out.writeInt(a.program()).writeInt(a.version()).writeInt(a.successes()).writeInt(a.failures())
                .writeString(a.netid());
    }

    private static RpcbStat.RemoteCallStat readRemoteCallStat(XdrDecoder in) {
        return new RpcbStat.RemoteCallStat(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readString(RpcbCodec.MAX_NETID));
    }

    private static void writeRemoteCallStat(XdrEncoder out, RpcbStat.RemoteCallStat r) {
        out.writeInt(r.program()).writeInt(r.version()).writeInt(r.procedure()).writeInt(r.successes())
                .writeInt(r.failures()).writeInt(r.indirect()).writeString(r.netid());
    }
}
