package dev.handoff.server;

import dev.handoff.nsm.NsmConfig;
import dev.handoff.nsm.NsmProgram;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.notify.RpcNotifySender;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.NsmStateFiles;
import dev.handoff.cluster.address.AddressManager;
import dev.handoff.cluster.address.Announcer;
import dev.handoff.cluster.address.CommandRunner;
import dev.handoff.cluster.address.LinuxAddressManager;
import dev.handoff.cluster.address.ManualAddressManager;
import dev.handoff.cluster.failover.ClusterControl;
import dev.handoff.cluster.failover.ClusterMode;
import dev.handoff.server.admin.StandaloneControl;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nsm.state.Monitor;
import dev.handoff.server.admin.AdminHttpServer;
import dev.handoff.server.admin.AdminToken;
import dev.handoff.server.admin.ClientSources;
import dev.handoff.server.admin.LockTable;
import dev.handoff.server.admin.ExportsAdmin;
import dev.handoff.server.admin.ReloadReport;
import dev.handoff.server.exports.CachingHostResolver;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.SystemHostResolver;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.metrics.MetricsHttpServer;
import dev.handoff.server.metrics.ServerMetrics;
import dev.handoff.server.mount.MountHandlers;
import dev.handoff.server.mount.MountList;
import dev.handoff.server.mount.MountListFile;
import dev.handoff.server.mount.MountProgram;
import dev.handoff.server.nfs3.Nfs3Context;
import dev.handoff.server.nfs3.Nfs3Program;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires exports, file systems, the programs, the RPC server and rpcbind registration for {@code handoff serve}. */
public final class HandoffServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HandoffServer.class);

    private final RpcServer rpc;
    private final PortRegistration registration;
    private final ExportFileSystemCache fileSystems;
    private final ExportsAdmin exportsAdmin;
    private final AdminHttpServer admin;
    private final Notifier notifier;
    private final Locking locking;
    private final ServerMetrics metrics;
    private final MetricsHttpServer metricsHttp;
    /** What /ready reports: true from the end of {@link #start} until {@link #close}. */
    private final AtomicBoolean ready;
    /** Cluster mode, or null for a single server. */
    private final ClusterMode cluster;

    private HandoffServer(RpcServer rpc, PortRegistration registration, ExportFileSystemCache fileSystems,
                          ExportsAdmin exportsAdmin, AdminHttpServer admin, Notifier notifier, Locking locking,
                          ServerMetrics metrics, MetricsHttpServer metricsHttp, AtomicBoolean ready,
                          ClusterMode cluster) {
        this.cluster = cluster;
        this.metrics = metrics;
        this.metricsHttp = metricsHttp;
        this.ready = ready;
        this.notifier = notifier;
        this.locking = locking;
        this.rpc = rpc;
        this.registration = registration;
        this.fileSystems = fileSystems;
        this.exportsAdmin = exportsAdmin;
        this.admin = admin;
    }

    /** Starts everything; throws {@link StartupException} with what to do when the configuration cannot work. */
    public static HandoffServer start(ServerConfig config) throws IOException {
        IdentityMode.check();
        Files.createDirectories(config.stateDir());
        SignedHandles handles = new SignedHandles(HandleKey.loadOrCreate(config.handleKeyFile()));
        // Cluster mode: join first, the programs below keep their locks and replies in the shared state.
        ServerLimits limits = config.limits();
        ClusterMode cluster = config.cluster().map(c -> ClusterMode.join(c.settings(),
                dev.handoff.cluster.state.HazelcastReplyCache.Settings.DEFAULT.withBounds(
                        limits.replyCacheMaxEntries(), limits.replyCacheMaxBytes()))).orElse(null);

        Exports exports = new Exports(new CachingHostResolver(new SystemHostResolver(), InstantSource.system(),
                Duration.ofSeconds(60), 4096), config.exportDirs());
        ExportsAdmin exportsAdmin = new ExportsAdmin(exports, config.exportsFiles());
        ReloadReport first = exportsAdmin.reloadHere();
        if (!first.ok()) {
            throw new StartupException("the exports have errors (listed above with file:line); fix them and start "
                    + "again");
        }
        if (first.exports().isEmpty()) {
            log.warn("nothing is exported: pass --export DIR or --exports FILE");
        }
        ExportFileSystemCache fileSystems = new ExportFileSystemCache(exports::table);
        if (!first.exports().isEmpty() && fileSystems.openAll() == 0) {
            // Like exportfs, a bad directory among good ones is reported and skipped; with none left there is
            // nothing to serve.
            throw new StartupException("none of the exported directories could be opened (see above); create "
                    + "them or fix --export/--exports");
        }

        PortRegistration registration = PortRegistration.choose(config);
        List<RpcProgram> programs = new ArrayList<>(registration.programs());
        MountList mounts = new MountList(MountList.DEFAULT_CAPACITY, MountListFile.inStateDirectory(config.stateDir()));
        programs.add(MountProgram.create(new MountHandlers(exports, fileSystems, handles, mounts)));
        // The status monitor bumps its state and starts telling every client that held locks that we restarted.
        // In a cluster only if this node's locks were lost, and through the owners of the clients' VIPs.
        Notifier notifier = Notifier.create(RpcNotifySender.defaults(), RetryPolicy.defaults(), InstantSource.system());
        ClusterMode.Incarnation incarnation = cluster == null ? null : cluster.incarnation(config.stateDir());
        NsmService nsm = NsmService.start(NsmConfig.defaults(ServerName.host(InetAddress.getLocalHost().getHostName())),
                new NsmStateFiles(config.stateDir()),
                cluster == null ? notifier : cluster.restartNotices(notifier, incarnation.locksLost()),
                InstantSource.system());
        programs.add(NsmProgram.create(nsm));
        Locking locking = cluster == null ? Locking.start(config, nsm, new ExportLockFiles(exports::table, handles))
                : Locking.start(config, nsm, new ExportLockFiles(exports::table, handles), cluster.lockStore());
        if (cluster != null) {
            // A waiter may be granted on any node, but its GRANTED must leave from the VIP it locked through.
            locking.service().handOffGrants(cluster.grantRelay(locking.service()::sendPendingGrant));
        }
        if (incarnation != null && incarnation.formedHere()) {
            // A cluster formed afresh lost its lock table with the last member that stopped: like a single server
            // after a restart, it grants only reclaims for a while (the grace is in the shared table).
            locking.service().startGrace(nsm.monitoredBeforeStart());
        }
        programs.add(locking.program());
        // A file whose last link goes takes its locks with it.
        programs.add(Nfs3Program.create(new Nfs3Context(exports::table, fileSystems, handles,
                Nfs3Context.randomWriteVerifier(),
                inode -> locking.service().fileRemoved(ExportLockFiles.key(inode)))));

        // Non-idempotent NFS calls are answered from here when retransmitted (knfsd's DRC, kept 180 s).
        ReplyCache replyCache = cluster == null ? new LocalReplyCache(InstantSource.system(),
                LocalReplyCache.DEFAULT_TTL, limits.replyCacheMaxEntries(), limits.replyCacheMaxBytes())
                : cluster.replyCache(InstantSource.system());
        ServerMetrics metrics = config.metrics().isPresent() ? ServerMetrics.create() : null;
        if (metrics != null && cluster != null) {
            metrics.watch(cluster);   // before the VIPs start, so the first acquisition is counted too
        }
        CallObserver observer = metrics == null ? CallObserver.NONE : metrics.observer();
        Dispatcher dispatcher = new Dispatcher(programs, replyCache, observer);
        ServingWarmup.run(programs, handles, fileSystems, exports.table().exports());
        if (cluster != null) {
            dispatcher.gate(cluster.callGate());
        }
        RpcServerConfig rpcConfig = RpcServerConfig.of(registration.portsToListenOn(config))
                .withWorkerThreads(config.workerThreads()).withInlineCalls(config.inlineCalls())
                .withMaxRecordSize(limits.maxRecordSize())
                .withMaxInFlightPerConnection(limits.maxInFlightPerConnection());
        RpcServer rpc = new RpcServer(dispatcher, rpcConfig, observer);
        rpc.connectionLimits(limits.connections());
        AdminHttpServer admin = null;
        MetricsHttpServer metricsHttp = null;
        AtomicBoolean ready = new AtomicBoolean();
        try {
            for (InetAddress address : config.bind()) {
                rpc.listen(address);
            }
            registration.registerAll(config);
            if (cluster != null) {
                ClusterServe cs = config.cluster().orElseThrow();
                cluster.startVips(rpc, addressManager(cs), () -> locking.store().fileCount(), locking::inGrace);
                cluster.shareExportReloads(exportsAdmin::reloadHere);
                exportsAdmin.afterOperatorReload(cluster::exportsReloaded);
            }
            if (config.admin().isPresent()) {
                ClusterControl control = cluster != null ? cluster : new StandaloneControl(
                        InetAddress.getLocalHost().getHostName(), () -> locking.store().fileCount(), locking::inGrace);
                Optional<AdminToken> token = Optional.empty();
                if (config.adminTokenFile().isPresent()) {
                    try {
                        token = Optional.of(AdminToken.read(config.adminTokenFile().get()));
                    } catch (IOException e) {
                        throw new StartupException("--admin-token-file: " + e.getMessage());
                    }
                }
                if (token.isEmpty() && !config.admin().get().socketAddress().getAddress().isLoopbackAddress()) {
                    throw new StartupException("--admin " + config.admin().get().uri() + " is beyond loopback: "
                            + "give --admin-token-file FILE too (anyone reaching the API could move addresses and "
                            + "reload exports), or keep --admin on 127.0.0.1");
                }
                admin = AdminHttpServer.start(config.admin().get().socketAddress(), exportsAdmin, control,
                        clientSources(mounts, rpc, locking, nsm, cluster), token);
            }
            if (metrics != null) {
                metrics.watch(rpc, dispatcher, replyCache);
                metrics.watchLocks(locking.store(), locking.service(), locking.callbacks().grantCounters());
                metrics.watchStatusMonitor(nsm, notifier);
                metrics.watchLimits(limits, rpc, replyCache, locking.service().manager().counters(),
                        locking.callbacks());
                // In a cluster, ready also needs quorum: without it this node may serve no VIP.
                ClusterMode c = cluster;
                metricsHttp = MetricsHttpServer.start(config.metrics().get().socketAddress(), metrics,
                        () -> ready.get() && (c == null || c.hasQuorum()));
            }
        } catch (IOException | RuntimeException e) {
            if (admin != null) {
                admin.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            rpc.close();
            registration.close();
            fileSystems.close();
            notifier.close();
            locking.close();
            if (cluster != null) {
                cluster.close();
            }
            throw e;
        }
        log.info("serving NFSv3 on port {}, MOUNT on {}, NLM on {}, NSM on {}", config.nfsPort(),
                config.mountPort(), config.nlmPort(), config.nsmPort());
        // Exports loaded, every program listening and registered: load balancers and the kubelet may send clients.
        ready.set(true);
        return new HandoffServer(rpc, registration, fileSystems, exportsAdmin, admin, notifier, locking, metrics,
                metricsHttp, ready, cluster);
    }

    /** What {@code handoff clients} and {@code locks} show: this node's mounts and connections, the lock table. */
    private static ClientSources clientSources(MountList mounts, RpcServer rpc, Locking locking, NsmService nsm,
                                               ClusterMode cluster) {
        LockTable locks = cluster != null ? LockTable.shared(cluster.hazelcast())
                : locking.store() instanceof InMemoryLockStore memory ? LockTable.of(memory) : LockTable.NONE;
        return new ClientSources(mounts::entries,
                () -> rpc.groups().stream().flatMap(g -> g.connections().stream()).toList(), locks,
                () -> nsm.monitors().stream().filter(m -> m.address() != null)
                        .collect(Collectors.toMap(Monitor::monName, Monitor::address, (a, b) -> b)));
    }

    private static AddressManager addressManager(ClusterServe cs) {
        return cs.manualAddresses() ? new ManualAddressManager()
                : new LinuxAddressManager(cs.vipInterface(), CommandRunner.system(Duration.ofSeconds(5)),
                        new Announcer(1, Duration.ZERO));
    }

    public RpcServer rpcServer() {
        return rpc;
    }

    /** Re-reads the exports files (SIGHUP); the old table stays when the new one has errors. */
    public ReloadReport reloadExports() {
        return exportsAdmin.reload();
    }

    @Override
    public void close() {
        log.info("stopping");
        ready.set(false);
        if (cluster != null) {
            // Hand the VIPs on while still serving, so clients see a planned move rather than a dead node.
            cluster.handOffVips(Duration.ofSeconds(10));
        }
        if (admin != null) {
            admin.close();
        }
        registration.close();
        notifier.close();
        rpc.close();
        locking.close();
        fileSystems.close();
        if (cluster != null) {
            cluster.close();   // last: the programs above used the shared state until they stopped
        }
        if (metricsHttp != null) {
            metricsHttp.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("stopped");
    }

    /** A configuration that cannot serve; the message says what to change. */
    public static final class StartupException extends IOException {
        public StartupException(String message) {
            super(message);
        }
    }
}
