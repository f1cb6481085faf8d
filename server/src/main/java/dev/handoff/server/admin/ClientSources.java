package dev.handoff.server.admin;

import dev.handoff.rpc.transport.ConnectionInfo;
import dev.handoff.server.mount.xdr.MountEntry;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the clients and locks routes read, each read afresh per request.
 *
 * @param mounts      this node's mount list
 * @param connections this node's live client connections, every listener group's
 * @param locks       the lock table (shared in a cluster)
 * @param lockHolders where each {@code caller_name} holding locks was last seen calling from (the status
 *                    monitor's list), to put a client's locks with its mounts and connections
 */
public record ClientSources(Supplier<List<MountEntry>> mounts, Supplier<List<ConnectionInfo>> connections,
                            LockTable locks, Supplier<Map<String, InetAddress>> lockHolders) {
    /** An API with nothing to report: no mounts, no connections, no locks. */
    public static final ClientSources NONE = new ClientSources(List::of, List::of, LockTable.NONE, Map::of);
}
