package dev.handoff.rpc.rpcbind;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.rpcbind.xdr.NetBuf;
import dev.handoff.rpc.rpcbind.xdr.Rpcb;
import dev.handoff.rpc.rpcbind.xdr.RpcbEntry;
import dev.handoff.rpc.rpcbind.xdr.RpcbStat;
import dev.handoff.rpc.rpcbind.xdr.SockaddrCodec;
import dev.handoff.rpc.rpcbind.xdr.UniversalAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 1833 §2.2 procedures of rpcbind versions 3 and 4. Addresses registered at the wildcard address are
 * answered with the local address the call arrived on (rpcbind's {@code mergeaddr}): a client that reached a VIP
 * is told to use that VIP, whichever node holds it.
 */
final class RpcbHandlers {
    private final RpcbindRegistry registry;
    private final RpcbindStats stats;
    private final InstantSource clock;
    private final SockaddrCodec sockaddr;

    RpcbHandlers(RpcbindRegistry registry, RpcbindStats stats, InstantSource clock, SockaddrCodec sockaddr) {
        this.registry = registry;
        this.stats = stats;
        this.clock = clock;
        this.sockaddr = sockaddr;
    }

    /** The owner a change is made as: r_owner as sent (a uid string from libtirpc), "unknown" when empty. */
    private static String owner(Rpcb r) {
        return r.owner().isEmpty() ? RpcbindRegistry.UNKNOWN_OWNER : r.owner();
    }

    /** §2.2 RPCBPROC_SET: loopback callers only; false when the (program, version, netid) is taken. */
    boolean set(int version, CallContext call, Rpcb r) {
        boolean ok = RpcbindProgram.fromLoopback(call)
                && registry.set(new Rpcb(r.program(), r.version(), r.netid(), r.address(), owner(r)));
        stats.changed(version, true, ok);
        return ok;
    }

    /** §2.2 RPCBPROC_UNSET: loopback callers only; an empty r_netid removes the version on every netid. */
    boolean unset(int version, CallContext call, Rpcb r) {
        boolean ok = RpcbindProgram.fromLoopback(call)
                && registry.unset(r.program(), r.version(), r.netid(), owner(r));
        stats.changed(version, false, ok);
        return ok;
    }

    /**
     * §2.2 RPCBPROC_GETADDR (any registered version will do, as rpcbind answers) and, with
     * {@code exactVersion}, version 4's GETVERSADDR. The netid is r_netid, or the call's own when that is
     * empty. The empty string means "not registered".
     */
    String getAddr(int version, boolean exactVersion, CallContext call, Rpcb query) {
        String netid = query.netid().isEmpty() ? callNetid(call).id : query.netid();
        String uaddr = registry.find(query.program(), query.version(), netid, exactVersion)
                .map(r -> reachable(call, r.address()))
                .orElse("");
        stats.lookedUp(version, query.program(), query.version(), netid, !uaddr.isEmpty());
        return uaddr;
    }

    /** §2.2 RPCBPROC_DUMP: every registration as registered. */
    List<Rpcb> dump(CallContext call, Void args) {
        return registry.all();
    }

    /** §2.2 RPCBPROC_GETTIME: seconds since 1970, as an unsigned 32-bit number. */
    int time(CallContext call, Void args) {
        return (int) clock.instant().getEpochSecond();
    }

    /** §2.2 RPCBPROC_UADDR2TADDR: an empty netbuf when the address is not an IP universal address. */
    NetBuf uaddrToTaddr(CallContext call, String uaddr) {
        return UniversalAddress.parse(uaddr).map(sockaddr::encode).orElse(NetBuf.EMPTY);
    }

    /** §2.2 RPCBPROC_TADDR2UADDR: the empty string when the netbuf is not a sockaddr_in or sockaddr_in6. */
    String taddrToUaddr(CallContext call, NetBuf taddr) {
        return sockaddr.decode(taddr).map(UniversalAddress::format).orElse("");
    }

    /**
     * §2.2 RPCBPROC_GETADDRLIST: the addresses of exactly this version on every netid of the caller's protocol
     * family (an IPv4 caller cannot use an IPv6 address), as rpcbind answers. r_netid is not consulted.
     */
    List<RpcbEntry> getAddrList(CallContext call, Rpcb query) {
        InetAddress local = call.peer().local().getAddress();
        List<RpcbEntry> entries = new ArrayList<>();
        for (Rpcb r : registry.all()) {
            if (r.program() != query.program() || r.version() != query.version()) {
                continue;
            }
            Optional<Netid> netid = Netid.parse(r.netid()).filter(n -> n.matches(local));
            netid.ifPresent(n -> entries.add(new RpcbEntry(reachable(call, r.address()), r.netid(),
                    n.semantics(), n.protocolFamily(), n.transport.netid)));
        }
        return entries;
    }

    /** §2.2 RPCBPROC_GETSTAT. */
    List<RpcbStat> statistics(CallContext call, Void args) {
        return stats.snapshot();
    }

    static Netid callNetid(CallContext call) {
        return Netid.of(call.peer().transport(), call.peer().local().getAddress());
    }

    /**
     * A wildcard registration (0.0.0.0 or ::) becomes the local address the call reached, when that is of the
     * same family; anything else is answered as registered.
     */
    static String reachable(CallContext call, String uaddr) {
        InetAddress local = call.peer().local().getAddress();
        return UniversalAddress.parse(uaddr)
                .filter(a -> a.getAddress().isAnyLocalAddress())
                .filter(a -> (a.getAddress() instanceof Inet6Address) == (local instanceof Inet6Address))
                .map(a -> UniversalAddress.format(new InetSocketAddress(local, a.getPort())))
                .orElse(uaddr);
    }
}
