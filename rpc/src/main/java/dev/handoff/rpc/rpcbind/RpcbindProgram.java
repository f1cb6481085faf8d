package dev.handoff.rpc.rpcbind;

import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.dispatch.Handler;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.rpcbind.xdr.PortMappingCodec;
import dev.handoff.rpc.rpcbind.xdr.RpcbCodec;
import dev.handoff.rpc.rpcbind.xdr.RpcbV4Codec;
import dev.handoff.rpc.rpcbind.xdr.SockaddrCodec;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatch tables of rpcbind (program 100000): the port mapper, version 2 (RFC 1833 §3.2), and rpcbind
 * versions 3 and 4 (§2.2). Every call is counted for GETSTAT. SET and UNSET answer false to callers that are
 * not on a loopback address: rpcbind refuses them with AUTH_TOOWEAK, which a handler cannot express, and false
 * is what every client treats as "not registered" anyway.
 */
public final class RpcbindProgram {
    public static final int PROGRAM = 100000;
    public static final int PORT = 111;
    public static final int PMAP_VERSION = 2;
    public static final int RPCB_VERSION_3 = 3;
    public static final int RPCB_VERSION_4 = 4;

    public static final int NULL = 0;
    public static final int SET = 1;
    public static final int UNSET = 2;
    /** PMAPPROC_GETPORT in version 2, RPCBPROC_GETADDR in versions 3 and 4. */
    public static final int GETPORT = 3;
    public static final int GETADDR = 3;
    public static final int DUMP = 4;
    public static final int GETTIME = 6;
    public static final int UADDR2TADDR = 7;
    public static final int TADDR2UADDR = 8;
    public static final int GETVERSADDR = 9;
    public static final int GETADDRLIST = 11;
    public static final int GETSTAT = 12;

    private static final XdrReader<Void> NO_ARGS = in -> null;

    private RpcbindProgram() {
    }

    public static RpcProgram create(RpcbindRegistry registry, InstantSource clock) {
        return create(registry, clock, SockaddrCodec.host());
    }

    static RpcProgram create(RpcbindRegistry registry, InstantSource clock, SockaddrCodec sockaddr) {
        RpcbindStats stats = new RpcbindStats();
        PortMapperHandlers pmap = new PortMapperHandlers(registry, stats);
        RpcbHandlers rpcb = new RpcbHandlers(registry, stats, clock, sockaddr);
        return new RpcProgram(PROGRAM, "rpcbind", List.of(
                portMapper(stats, pmap), rpcbind(RPCB_VERSION_3, stats, rpcb), rpcbind(RPCB_VERSION_4, stats, rpcb)));
    }

    /** rpcbind's check_access: only local programs may change registrations. */
    static boolean fromLoopback(CallContext call) {
        return call.peer().remote().getAddress().isLoopbackAddress();
    }

    private static ProgramVersion portMapper(RpcbindStats stats, PortMapperHandlers h) {
        int v = PMAP_VERSION;
        return new ProgramVersion(v, List.of(
                nullProcedure(stats, v),
                proc(stats, v, SET, "SET", PortMappingCodec::read, XdrEncoder::writeBool, h::set),
                proc(stats, v, UNSET, "UNSET", PortMappingCodec::read, XdrEncoder::writeBool, h::unset),
                proc(stats, v, GETPORT, "GETPORT", PortMappingCodec::read, XdrEncoder::writeInt, h::getPort),
                proc(stats, v, DUMP, "DUMP", NO_ARGS, PortMappingCodec::writeList, h::dump)));
    }

    private static ProgramVersion rpcbind(int v, RpcbindStats stats, RpcbHandlers h) {
        List<Procedure<?, ?>> procs = new ArrayList<>(List.of(
                nullProcedure(stats, v),
                proc(stats, v, SET, "SET", RpcbCodec::read, XdrEncoder::writeBool, (c, r) -> h.set(v, c, r)),
                proc(stats, v, UNSET, "UNSET", RpcbCodec::read, XdrEncoder::writeBool, (c, r) -> h.unset(v, c, r)),
                proc(stats, v, GETADDR, "GETADDR", RpcbCodec::read, RpcbCodec::writeAddress,
                        (c, r) -> h.getAddr(v, false, c, r)),
                proc(stats, v, DUMP, "DUMP", NO_ARGS, RpcbCodec::writeList, h::dump),
                proc(stats, v, GETTIME, "GETTIME", NO_ARGS, XdrEncoder::writeInt, h::time),
                proc(stats, v, UADDR2TADDR, "UADDR2TADDR", RpcbCodec::readAddress, RpcbCodec::writeNetBuf,
                        h::uaddrToTaddr),
                proc(stats, v, TADDR2UADDR, "TADDR2UADDR", RpcbCodec::readNetBuf, RpcbCodec::writeAddress,
                        h::taddrToUaddr)));
        if (v == RPCB_VERSION_4) {
            procs.add(proc(stats, v, GETVERSADDR, "GETVERSADDR", RpcbCodec::read, RpcbCodec::writeAddress,
                    (c, r) -> h.getAddr(v, true, c, r)));
            procs.add(proc(stats, v, GETADDRLIST, "GETADDRLIST", RpcbCodec::read, RpcbV4Codec::writeEntryList,
                    h::getAddrList));
            procs.add(proc(stats, v, GETSTAT, "GETSTAT", NO_ARGS, RpcbV4Codec::writeStatByVersion,
                    h::statistics));
        }
        return new ProgramVersion(v, procs);
    }

    private static Procedure<Void, Void> nullProcedure(RpcbindStats stats, int version) {
        return proc(stats, version, NULL, "NULL", NO_ARGS, XdrWriter.nothing(), (c, a) -> null);
    }

    private static <A, R> Procedure<A, R> proc(RpcbindStats stats, int version, int number, String name,
                                               XdrReader<A> args, XdrWriter<R> result, Handler<A, R> handler) {
        return new Procedure<>(number, name, args, result, (call, a) -> {
            stats.called(version, number);
            return handler.handle(call, a);
        }, CachePolicy.NONE);
    }
}
