package dev.handoff.rpc.rpcbind.xdr;

/**
 * RFC 1833 §3.1 {@code struct mapping}: the port mapper's view of one registration. All four fields are
 * unsigned ints on the wire; program and version numbers above 2^31 appear negative here, as in the RPC
 * header.
 *
 * @param protocol {@link #IPPROTO_TCP} or {@link #IPPROTO_UDP}
 */
public record PortMapping(int program, int version, int protocol, int port) {
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
}
