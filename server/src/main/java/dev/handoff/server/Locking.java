package dev.handoff.server;

import dev.handoff.nlm.NlmProgram;
import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.NsmClientMonitor;
import dev.handoff.nlm.callback.CallbackPolicy;
import dev.handoff.nlm.callback.RpcNlmCallbacks;
import dev.handoff.nlm.proc.NlmFiles;
import dev.handoff.nlm.state.InMemoryLockStore;
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
record Locking(NlmService service, RpcNlmCallbacks callbacks, ScheduledExecutorService timer, RpcProgram program)
        implements AutoCloseable {

    static Locking start(ServerConfig config, NsmService nsm, NlmFiles files) {
        LockConfig defaults = LockConfig.DEFAULT;
        LockManager manager = new LockManager(new InMemoryLockStore(), new LockConfig(config.grace(),
                defaults.maxLocksPerClient(), defaults.maxWaitsPerClient(), defaults.fairnessWindow()));
        RpcNlmCallbacks callbacks = new RpcNlmCallbacks(CallbackPolicy.defaults(), InstantSource.system());
        NsmClientMonitor monitor = new NsmClientMonitor(nsm);
        NlmService service = new NlmService(manager, callbacks, monitor, InstantSource.system(), nodeName());
        monitor.deliverRebootsTo(service);
        service.startGrace(nsm.monitoredBeforeStart());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("nlm-ticks").factory());
        service.startTicks(timer);
        return new Locking(service, callbacks, timer, NlmProgram.create(service, files, callbacks));
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "handoff";
        }
    }

    @Override
    public void close() {
        service.close();
        timer.shutdownNow();
        callbacks.close();
    }
}
