package dev.handoff.server.metrics;

import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.callback.GrantCounters;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.transport.RpcServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The registry of one server process and what feeds it: the call observer for the dispatcher, gauges over
 * the RPC server and the reply cache, and the JVM and process binders. {@link #scrape} renders it in the
 * Prometheus text format.
 */
public final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final RpcCallMetrics calls;
    private final JvmGcMetrics gc;
    private volatile ServerGauges gauges;
    private volatile ClusterMetrics clusterMetrics;
    private volatile LockMetrics lockMetrics;

    private ServerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        PrometheusLint.apply(registry);
        this.calls = new RpcCallMetrics(registry);
        PrometheusLint.bindProcessCpuSeconds(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    public static ServerMetrics create() {
        return new ServerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Hand this to the dispatcher and the RPC server. */
    public RpcCallMetrics observer() {
        return calls;
    }

    /** Starts reporting the server's connections and calls in flight, every procedure served, and the reply cache. */
    public void watch(RpcServer server, Dispatcher dispatcher, dev.handoff.rpc.cache.ReplyCache replyCache) {
        calls.registerProcedures(dispatcher.programs());
        switch (replyCache) {
            case LocalReplyCache local -> ServerGauges.bindReplyCache(registry, local);
            case dev.handoff.cluster.state.HazelcastReplyCache shared ->
                    ServerGauges.bindSharedReplyCache(registry, shared);
            default -> {
            }
        }
        gauges = new ServerGauges(registry, server::groups);
        // A rising count means the file system keeps taking more than a few milliseconds a call.
        io.micrometer.core.instrument.FunctionCounter.builder("handoff.rpc.inline.pauses", server,
                        RpcServer::inlinePauses).baseUnit("pauses")
                .description("Times calls were sent to worker threads for 10 s because calls run on the event loops "
                        + "were slow (over 5 ms each, more than 20 ms within a second)").register(registry);
    }

    /** Adds the cluster's series: members, quorum, VIPs served, row ages, moves and their stages. */
    public void watch(dev.handoff.cluster.failover.ClusterMode cluster) {
        clusterMetrics = new ClusterMetrics(registry, cluster);
    }

    /** Adds the lock manager's series: the lock table's counts, grace, GRANTED callbacks and transitions. */
    public void watchLocks(LockStore store, NlmService service, GrantCounters grants) {
        lockMetrics = new LockMetrics(registry, store, service.clock(), service.manager().counters(), grants);
    }

    /** Adds the status monitor's series: hosts watched, notices owed, SM_NOTIFY attempts and transitions. */
    public void watchStatusMonitor(NsmService nsm, Notifier notifier) {
        new NsmMetrics(registry, nsm, notifier);
    }

    /**
     * Adds the limits' series: each limit's configured value and how often it was reached, and the NLM callbacks
     * under way. The reply cache's evictions count as its limit reached.
     */
    public void watchLimits(dev.handoff.server.ServerLimits limits, RpcServer server,
                            dev.handoff.rpc.cache.ReplyCache replyCache,
                            dev.handoff.nlm.state.TransitionCounters locks,
                            dev.handoff.nlm.callback.RpcNlmCallbacks callbacks) {
        LimitMetrics.bind(registry, limits, server.limitCounts(), replyCache, locks, callbacks);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition format (version 0.0.4), with per-address gauges read now. */
    public String scrape() {
        ServerGauges g = gauges;
        if (g != null) {
            g.refresh();
        }
        ClusterMetrics c = clusterMetrics;
        if (c != null) {
            c.refresh();
        }
        LockMetrics l = lockMetrics;
        if (l != null) {
            l.refresh();
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
