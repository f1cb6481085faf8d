package dev.handoff.server;

import dev.handoff.nlm.NlmProgram;
import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.NsmClientMonitor;
import dev.handoff.nlm.callback.CallbackPolicy;
import dev.handoff.nlm.callback.RpcNlmCallbacks;
import dev.handoff.nlm.proc.NlmFiles;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nsm.NsmService;
import dev.handoff.rpc.dispatch.RpcProgram;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * NLM wired to NSM for {@code handoff serve}: the lock manager on an in-memory table, GRANTED callbacks over RPC,
 * clients monitored on their first lock and released on their reboot notice. The in-memory table is always lost
 * by a restart, so every start opens the grace period for the clients NSM was monitoring when we stopped (NSM has
 * already begun to tell them, and they reclaim in answer).
 */
record Locking(NlmService service, LockStore store, RpcNlmCallbacks callbacks, ScheduledExecutorService timer,
               RpcProgram program) implements AutoCloseable {

    /** A single server: the table lives in memory, so every start lost it and opens the grace period. */
    static Locking start(ServerConfig config, NsmService nsm, NlmFiles files) {
        Locking locking = start(config, nsm, files, new InMemoryLockStore());
        locking.service.startGrace(nsm.monitoredBeforeStart());
        return locking;
    }

    /**
     * On a given table, without a grace period: a cluster member's table is shared and outlives it; only a
     * cluster formed afresh opens grace ({@link NlmService#startGrace}).
     */
    static Locking start(ServerConfig config, NsmService nsm, NlmFiles files, LockStore store) {
        LockConfig defaults = LockConfig.DEFAULT;
        ServerLimits limits = config.limits();
        LockManager manager = new LockManager(store, new LockConfig(config.grace(),
                limits.maxLocksPerClient(), limits.maxWaitsPerClient(), defaults.fairnessWindow()));
        RpcNlmCallbacks callbacks = new RpcNlmCallbacks(
                CallbackPolicy.defaults().withMaxOutstanding(limits.maxPendingCallbacks()), InstantSource.system());
        NsmClientMonitor monitor = new NsmClientMonitor(nsm);
        NlmService service = new NlmService(manager, callbacks, monitor, InstantSource.system(), nodeName());
        monitor.deliverRebootsTo(service);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("nlm-ticks").factory());
        service.startTicks(timer);
        return new Locking(service, store, callbacks, timer, NlmProgram.create(service, files, callbacks));
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "handoff";
        }
    }

    /** Whether only reclaims are granted now (cluster-wide when the table is shared). */
    boolean inGrace() {
        return store.grace().active(java.time.Instant.now());
    }

    @Override
    public void close() {
        service.close();
        timer.shutdownNow();
        callbacks.close();
    }
}
