package dev.handoff.rpc.rpcbind.xdr;

import java.util.Objects;

/**
 * RFC 1833 §2.2 {@code struct rpcb_entry}: one address of a program version in RPCBPROC_GETADDRLIST's answer,
 * with the netconfig facts a client needs to use it.
 *
 * @param address        r_maddr, a universal address
 * @param netid          r_nc_netid
 * @param semantics      r_nc_semantics: {@link #NC_TPI_CLTS} for datagrams, {@link #NC_TPI_COTS_ORD} for TCP
 * @param protocolFamily r_nc_protofmly: "inet" or "inet6"
 * @param protocol       r_nc_proto: "tcp" or "udp"
 */
public record RpcbEntry(String address, String netid, int semantics, String protocolFamily, String protocol) {
    public static final int NC_TPI_CLTS = 1;
    public static final int NC_TPI_COTS = 2;
    public static final int NC_TPI_COTS_ORD = 3;
    public static final int NC_TPI_RAW = 4;

    public RpcbEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(netid, "netid");
        Objects.requireNonNull(protocolFamily, "protocolFamily");
        Objects.requireNonNull(protocol, "protocol");
    }
}
