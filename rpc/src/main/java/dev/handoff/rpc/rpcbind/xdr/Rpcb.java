package dev.handoff.rpc.rpcbind.xdr;

import java.util.Objects;

/**
 * RFC 1833 §2.1 {@code struct rpcb}: one registration of rpcbind versions 3 and 4, also the argument of
 * SET, UNSET, GETADDR, GETVERSADDR and GETADDRLIST.
 *
 * @param program r_prog (unsigned on the wire)
 * @param version r_vers (unsigned on the wire)
 * @param netid   r_netid: "tcp", "udp", "tcp6", "udp6", or another transport's name; empty in a query means
 *                "the transport this call came on"
 * @param address r_addr: a universal address ({@link UniversalAddress}); empty in a query
 * @param owner   r_owner: who registered it
 */
public record Rpcb(int program, int version, String netid, String address, String owner) {
    public Rpcb {
        Objects.requireNonNull(netid, "netid");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
    }

    /** A query for GETADDR or GETVERSADDR: only program, version and netid matter. */
    public static Rpcb query(int program, int version, String netid) {
        return new Rpcb(program, version, netid, "", "");
    }
}
