package dev.handoff.rpc.cache;

import dev.handoff.rpc.dispatch.Transport;
import java.net.InetSocketAddress;

/**
 * Identifies one call for the duplicate reply cache, as knfsd does (xid, program, version, procedure, the
 * transport, the client's address and port, argument length and a checksum of the first bytes of the arguments), plus the
 * local address it reached (the VIP), so that entries follow the address when it moves.
 */
public record ReplyCacheKey(Transport transport, InetSocketAddress local, InetSocketAddress remote, int xid, int program, int version,
                            int procedure, int argumentLength, int argumentChecksum) {
}
