package dev.handoff.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code handoff serve} was asked for.
 *
 * @param bind         local addresses to listen on (the wildcard address listens on all)
 * @param rpcbindPort  port of the embedded rpcbind; 0 turns it off (then nothing is registered)
 * @param stateDir     where state that must survive a restart lives (mount list, NSM state, handle key)
 */
public record ServerConfig(List<InetAddress> bind, int nfsPort, int mountPort, int nlmPort, int nsmPort,
                           int rpcbindPort, List<Path> exports, Path stateDir, int workerThreads,
                           int maxRecordSize) {
    public static final int DEFAULT_NFS_PORT = 2049;
    public static final int DEFAULT_MOUNT_PORT = 20048;
    /** IANA's port for lockd; fixed so firewalls and clients of every node agree. */
    public static final int DEFAULT_NLM_PORT = 4045;
    /** The port commonly pinned for rpc.statd. */
    public static final int DEFAULT_NSM_PORT = 662;
    public static final int DEFAULT_RPCBIND_PORT = 111;

    public ServerConfig {
        bind = List.copyOf(bind);
        exports = List.copyOf(exports);
    }

    /** Every port the RPC server opens on each address, without duplicates (rpcbind first when on). */
    public List<Integer> ports() {
        return java.util.stream.Stream.of(rpcbindPort, nfsPort, mountPort, nlmPort, nsmPort)
                .filter(p -> p != 0).distinct().toList();
    }
}
