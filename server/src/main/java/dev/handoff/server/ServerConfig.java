package dev.handoff.server;

import dev.handoff.server.admin.AdminEndpoint;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code handoff serve} was asked for.
 *
 * @param bind         local addresses to listen on (the wildcard address listens on all)
 * @param rpcbindPort  port of the embedded rpcbind; 0 turns it off (then nothing is registered)
 * @param exportDirs   directories exported to everyone read-write ({@code --export DIR}, i.e. {@code DIR *(rw)})
 * @param exportsFiles files in /etc/exports syntax, re-read on SIGHUP and {@code handoff exports reload}
 * @param stateDir     where state that must survive a restart lives (mount list, NSM state, handle key)
 * @param inlineCalls  whether a connection's lone call may run on the event loop that read it
 *                     ({@link dev.handoff.rpc.transport.RpcServerConfig#inlineCalls})
 * @param admin        where the loopback admin API listens, if anywhere
 * @param grace        how long after a start that lost the lock table only lock reclaims are granted (lockd's
 *                     default is 90 s); it ends early once every client that held locks has reclaimed
 * @param metrics      where {@code /metrics}, {@code /live} and {@code /ready} are served, if anywhere
 * @param handleKey    the file-handle secret, if not {@code stateDir/handle.key} (a cluster shares one)
 * @param cluster      cluster mode: shared state, VIPs that move; empty for a single server
 * @param adminTokenFile the admin API's token, required of every request (and needed beyond loopback)
 * @param limits       every bound on what clients can make the server hold (connections, records, reply cache,
 *                     locks, callbacks)
 */
public record ServerConfig(List<InetAddress> bind, int nfsPort, int mountPort, int nlmPort, int nsmPort,
                           int rpcbindPort, List<Path> exportDirs, List<Path> exportsFiles, Path stateDir,
                           int workerThreads, boolean inlineCalls, Optional<AdminEndpoint> admin,
                           java.time.Duration grace, Optional<AdminEndpoint> metrics, Optional<Path> handleKey,
                           Optional<ClusterServe> cluster, Optional<Path> adminTokenFile, ServerLimits limits) {
    public static final int DEFAULT_NFS_PORT = 2049;
    public static final int DEFAULT_MOUNT_PORT = 20048;
    /** IANA's port for lockd; fixed so firewalls and clients of every node agree. */
    public static final int DEFAULT_NLM_PORT = 4045;
    /** The port commonly pinned for rpc.statd. */
    public static final int DEFAULT_NSM_PORT = 662;
    public static final int DEFAULT_RPCBIND_PORT = 111;
    public static final int DEFAULT_GRACE_SECONDS = 90;

    public ServerConfig {
        java.util.Objects.requireNonNull(limits, "limits");
        bind = List.copyOf(bind);
        exportDirs = List.copyOf(exportDirs);
        exportsFiles = List.copyOf(exportsFiles);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("negative grace period " + grace);
        }
        for (int p : List.of(nfsPort, mountPort, nlmPort, nsmPort)) {
            if (p < 1 || p > 65_535) {
                throw new IllegalArgumentException("port " + p + " out of range 1-65535");
            }
        }
    }

    public Path handleKeyFile() {
        return handleKey.orElse(stateDir.resolve(dev.handoff.server.handles.HandleKey.FILE_NAME));
    }

    /** Every port the RPC server opens on each address, without duplicates (rpcbind first when on). */
    public List<Integer> ports() {
        return java.util.stream.Stream.of(rpcbindPort, nfsPort, mountPort, nlmPort, nsmPort)
                .filter(p -> p != 0).distinct().toList();
    }
}
