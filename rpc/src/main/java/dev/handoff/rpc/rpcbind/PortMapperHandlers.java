package dev.handoff.rpc.rpcbind;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.rpcbind.xdr.PortMapping;
import dev.handoff.rpc.rpcbind.xdr.Rpcb;
import dev.handoff.rpc.rpcbind.xdr.UniversalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 1833 §3.2 port mapper procedures (rpcbind version 2), kept in the version 3/4 registry as rpcbind does: a
 * mapping is the netid "tcp" or "udp" at the IPv4 wildcard address, owned by {@value RpcbindRegistry#UNKNOWN_OWNER}.
 */
final class PortMapperHandlers {
    private static final InetAddress WILDCARD = InetAddress.ofLiteral("0.0.0.0");

    private final RpcbindRegistry registry;
    private final RpcbindStats stats;

    PortMapperHandlers(RpcbindRegistry registry, RpcbindStats stats) {
        this.registry = registry;
        this.stats = stats;
    }

    private static Optional<Netid> netid(int protocol) {
        return switch (protocol) {
            case PortMapping.IPPROTO_TCP -> Optional.of(Netid.TCP);
            case PortMapping.IPPROTO_UDP -> Optional.of(Netid.UDP);
            default -> Optional.empty();
        };
    }

    /** §3.2 PMAPPROC_SET: false for remote callers, unknown protocols and ports taken by another address. */
    boolean set(CallContext call, PortMapping m) {
        Optional<Netid> netid = netid(m.protocol());
        boolean ok = RpcbindProgram.fromLoopback(call) && netid.isPresent() && m.port() >= 0 && m.port() <= 0xFFFF
                && registry.set(new Rpcb(m.program(), m.version(), netid.get().id,
                UniversalAddress.format(WILDCARD, m.port()), RpcbindRegistry.UNKNOWN_OWNER));
        stats.changed(RpcbindProgram.PMAP_VERSION, true, ok);
        return ok;
    }

    /** §3.2 PMAPPROC_UNSET: removes the version on both protocols; the protocol and port given are ignored. */
    boolean unset(CallContext call, PortMapping m) {
        if (!RpcbindProgram.fromLoopback(call)) {
            return false;
        }
        boolean tcp = registry.unset(m.program(), m.version(), Netid.TCP.id, RpcbindRegistry.UNKNOWN_OWNER);
        boolean udp = registry.unset(m.program(), m.version(), Netid.UDP.id, RpcbindRegistry.UNKNOWN_OWNER);
        stats.changed(RpcbindProgram.PMAP_VERSION, false, tcp || udp);
        return tcp || udp;
    }

    /** §3.2 PMAPPROC_GETPORT: the port, or 0 when the program is not registered on that protocol. */
    int getPort(CallContext call, PortMapping m) {
        Optional<Netid> netid = netid(m.protocol());
        int port = netid.flatMap(n -> registry.find(m.program(), m.version(), n.id, false))
                .flatMap(r -> UniversalAddress.parse(r.address()))
                .map(InetSocketAddress::getPort)
                .orElse(0);
        stats.lookedUp(RpcbindProgram.PMAP_VERSION, m.program(), m.version(), netid.map(n -> n.id).orElse(""),
                port != 0);
        return port;
    }

    /** §3.2 PMAPPROC_DUMP: the IPv4 TCP and UDP registrations; the others have no port mapper form. */
    List<PortMapping> dump(CallContext call, Void args) {
        List<PortMapping> mappings = new ArrayList<>();
        for (Rpcb r : registry.all()) {
            Optional<Netid> netid = Netid.parse(r.netid()).filter(n -> !n.ipv6);
            Optional<InetSocketAddress> address = UniversalAddress.parse(r.address());
            if (netid.isPresent() && address.isPresent()) {
                mappings.add(new PortMapping(r.program(), r.version(), netid.get().transport.ipProtocol,
                        address.get().getPort()));
            }
        }
        return mappings;
    }
}
