package dev.handoff.server.cli;

import dev.handoff.server.HandoffServer;
import dev.handoff.server.ServerConfig;
import dev.handoff.server.ServerLimits;
import dev.handoff.server.admin.AdminEndpoint;
import dev.handoff.server.admin.SignalHooks;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import sun.misc.Signal;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code handoff serve}: runs the NFS server in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve NFSv3, MOUNT, NLM, NSM and rpcbind until interrupted.", "",
                "Example: handoff serve --export /srv/share --bind 192.0.2.10"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--export", paramLabel = "DIR",
            description = "Directory to export to every client, read-write: the same as a line 'DIR *(rw)' "
                    + "(root_squash, secure). Repeatable.")
    List<Path> exports = new ArrayList<>();

    @Option(names = "--exports", paramLabel = "FILE",
            description = {"Exports file in /etc/exports syntax (repeatable). Re-read on SIGHUP and on "
                    + "'handoff exports reload'; a file with errors is reported with file:line and the exports "
                    + "in force stay."})
    List<Path> exportsFiles = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Local address to listen on (repeatable). Default: all addresses.")
    List<InetAddress> bind = new ArrayList<>();

    @Option(names = "--nfs-port", paramLabel = "PORT", description = "NFS port (default: ${DEFAULT-VALUE}).")
    int nfsPort = ServerConfig.DEFAULT_NFS_PORT;

    @Option(names = "--mount-port", paramLabel = "PORT", description = "MOUNT port (default: ${DEFAULT-VALUE}).")
    int mountPort = ServerConfig.DEFAULT_MOUNT_PORT;

    @Option(names = "--nlm-port", paramLabel = "PORT", description = "NLM (lockd) port (default: ${DEFAULT-VALUE}).")
    int nlmPort = ServerConfig.DEFAULT_NLM_PORT;

    @Option(names = "--nsm-port", paramLabel = "PORT", description = "NSM (statd) port (default: ${DEFAULT-VALUE}).")
    int nsmPort = ServerConfig.DEFAULT_NSM_PORT;

    @Option(names = "--rpcbind-port", paramLabel = "PORT",
            description = {"Port of the embedded rpcbind (default: ${DEFAULT-VALUE}; 0 = off).",
                    "If a system rpcbind already answers on it, Handoff registers there instead."})
    int rpcbindPort = ServerConfig.DEFAULT_RPCBIND_PORT;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Directory for state that survives restarts (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("/var/lib/handoff");

    @Option(names = "--admin", paramLabel = "ADDR:PORT", defaultValue = AdminEndpoint.DEFAULT,
            description = "Admin HTTP API (exports reload, status), loopback by default (default: ${DEFAULT-VALUE}; "
                    + "0 = off).")
    String admin;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = {"Token the admin API asks of every request; required when --admin is not on loopback",
                    "(at least 16 characters; the CLI reads it with --admin-token-file too)."})
    Path adminTokenFile;

    @Option(names = "--metrics", paramLabel = "ADDR:PORT", defaultValue = "0",
            description = {"Serve Prometheus metrics on http://ADDR:PORT/metrics, with /live and /ready for "
                    + "health checks (default: ${DEFAULT-VALUE} = off; a bare PORT means 127.0.0.1:PORT).",
                    "To be scraped from other hosts: --metrics 0.0.0.0:9108."})
    String metrics;

    @Option(names = "--workers", paramLabel = "N", description = "Threads running NFS calls (default: ${DEFAULT-VALUE}).")
    int workers = 32;

    @Option(names = "--inline-calls", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Run a connection's lone call on the thread that read it instead of handing it to a "
                    + "worker (default: on). Quicker at one call in flight; once calls slower than 5 ms take more than "
                    + "20 ms of a second, calls go to workers for 10 s.",
                "--no-inline-calls: always hand calls to workers (storage that can stall for long under exports "
                    + "that must stay responsive)."})
    boolean inlineCalls = true;

    @Mixin
    LimitOptions limitOptions;

    @Option(names = "--grace", paramLabel = "SECONDS",
            description = "NLM grace period after a restart: only lock reclaims are granted until every client "
                    + "that held locks has reclaimed, or this long (default: ${DEFAULT-VALUE}; 0 = none).")
    int graceSeconds = ServerConfig.DEFAULT_GRACE_SECONDS;

    @Option(names = "--handle-key", paramLabel = "FILE",
            description = {"Secret that signs file handles (made if missing). Every node of a cluster must use",
                    "the same one, or clients see stale handles after a move (default: STATE-DIR/handle.key)."})
    Path handleKey;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    VipOptions vips;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() throws Exception {
        ServerLimits limits = limitOptions.limits();
        logs.apply();
        List<InetAddress> addresses = bind.isEmpty() ? List.of(InetAddress.getByName("0.0.0.0")) : bind;
        java.util.Optional<dev.handoff.server.ClusterServe> clusterServe = java.util.Optional.empty();
        try {
            if (cluster.enabled()) {
                if (addresses.stream().anyMatch(InetAddress::isAnyLocalAddress)) {
                    throw new IllegalArgumentException("in cluster mode listen on this node's own address (--bind "
                            + "ADDR): the VIPs get listeners of their own as they arrive");
                }
                clusterServe = java.util.Optional.of(vips.serve(cluster.config(addresses, false), addresses));
            } else if (!vips.vips.isEmpty()) {
                throw new IllegalArgumentException("--vip needs a cluster: add --cluster ADDR,... (a single node may "
                        + "list only itself)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("handoff serve: " + e.getMessage());
            return 2;
        }
        ServerConfig config = new ServerConfig(addresses, nfsPort, mountPort, nlmPort, nsmPort, rpcbindPort,
                exports, exportsFiles, stateDir, workers, inlineCalls, AdminEndpoint.parse(admin),
                java.time.Duration.ofSeconds(graceSeconds), AdminEndpoint.parse(metrics),
                java.util.Optional.ofNullable(handleKey), clusterServe, java.util.Optional.ofNullable(adminTokenFile), limits);
        CountDownLatch stop = new CountDownLatch(1);
        // Ctrl-C and SIGTERM (systemd, Kubernetes) ask for an orderly stop and a zero exit code.
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), s -> stop.countDown());
        }
        HandoffServer server;
        try {
            server = HandoffServer.start(config);
        } catch (HandoffServer.StartupException | java.net.BindException e) {
            System.err.println("handoff serve: " + e.getMessage());
            return 1;
        }
        try (server) {
            SignalHooks.installSighup(server::reloadExports);
            stop.await();
        }
        return 0;
    }
}
