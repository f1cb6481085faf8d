package dev.handoff.nlm.callback;

import dev.handoff.nlm.NlmProgram;
import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmResultsCodec;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.client.PortMapperClient;
import dev.handoff.rpc.client.RpcClient;
import dev.handoff.rpc.client.RpcClientOptions;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callbacks over RPC: for each, GETPORT of the client's NLM (same version and transport as its request) from the
 * client's rpcbind, then the call to that port, both sent from the address the client's request reached (the
 * client's lockd drops a GRANTED from any other). A GRANTED is retried with doubling delays while the client does
 * not answer or answers DENIED_GRACE_PERIOD; a _RES is tried once. At most {@link CallbackPolicy#maxOutstanding}
 * callbacks are under way at once.
 */
public final class RpcNlmCallbacks implements NlmCallbacks, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RpcNlmCallbacks.class);

    private final CallbackPolicy policy;
    private final InstantSource clock;
    private final Semaphore slots;
    private final ScheduledExecutorService timer;
    private final GrantCounters grants = new GrantCounters();
    /** Callbacks not sent because {@link CallbackPolicy#maxOutstanding} were under way. */
    private final java.util.concurrent.atomic.LongAdder dropped = new java.util.concurrent.atomic.LongAdder();

    public RpcNlmCallbacks(CallbackPolicy policy, InstantSource clock) {
        this.policy = policy;
        this.clock = clock;
        this.slots = new Semaphore(policy.maxOutstanding());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("nlm-callbacks")
                .factory());
    }

    @Override
    public void granted(CallbackTarget to, TestArgs args, GrantOutcome outcome) {
        if (!slots.tryAcquire()) {
            log.warn("{} NLM callbacks already under way: GRANTED to {} not sent", policy.maxOutstanding(),
                    to.client());
            grants.increment(GrantResult.FAILED);
            dropped.increment();
            outcome.unreachable("outbound callback queue full");
            return;
        }
        NlmArgsCodec codec = NlmArgsCodec.forVersion(to.version());
        attemptGrant(to, codec::writeTestArgs, args, outcome, clock.instant().plus(policy.giveUpAfter()), 0);
    }

    private void attemptGrant(CallbackTarget to, XdrWriter<TestArgs> writer, TestArgs args, GrantOutcome outcome,
                              Instant deadline, int failures) {
        call(to, NlmProcedures.GRANTED, writer, args, NlmResultsCodec.forVersion(to.version())::readResult)
                .whenComplete((result, error) -> {
                    boolean retry = error != null || result.status() == NlmStatus.DENIED_GRACE_PERIOD;
                    if (!retry) {
                        slots.release();
                        grants.increment(result.status() == NlmStatus.GRANTED ? GrantResult.ACCEPTED
                                : GrantResult.REFUSED);
                        outcome.answered(result);
                        return;
                    }
                    Duration delay = policy.delayAfter(failures + 1);
                    if (clock.instant().plus(delay).isAfter(deadline)) {
                        slots.release();
                        grants.increment(GrantResult.FAILED);
                        outcome.unreachable(error != null ? "no answer from " + to.client() + ": " + error
                                : to.client() + " kept answering " + result.status());
                        return;
                    }
                    log.debug("GRANTED to {} failed ({}); again in {} ms", to.client(),
                            error != null ? error.toString() : result.status(), delay.toMillis());
                    timer.schedule(() -> attemptGrant(to, writer, args, outcome, deadline, failures + 1),
                            delay.toMillis(), TimeUnit.MILLISECONDS);
                });
    }

    /** GRANTED callbacks sent so far, by how they ended. */
    public GrantCounters grantCounters() {
        return grants;
    }

    /** Callbacks (GRANTED or _RES) not sent at all because the outbound queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Callbacks queued or in flight now, at most {@link CallbackPolicy#maxOutstanding}. */
    public int outstanding() {
        return policy.maxOutstanding() - slots.availablePermits();
    }

    /** The bound on {@link #outstanding}. */
    public int maxOutstanding() {
        return policy.maxOutstanding();
    }

    @Override
    public <T> void result(CallbackTarget to, int procedure, XdrWriter<T> writer, T value) {
        if (!slots.tryAcquire()) {
            log.warn("NLM callback queue full: procedure {} to {} dropped", procedure, to.client());
            dropped.increment();
            return;
        }
        call(to, procedure, writer, value, in -> null).whenComplete((r, error) -> {
            slots.release();
            if (error != null) {
                log.info("NLM procedure {} to {} failed: {}", procedure, to.client(), error.toString());
            }
        });
    }

    /** GETPORT, then the call; every socket is closed when it completes. */
    private <A, R> CompletableFuture<R> call(CallbackTarget to, int procedure, XdrWriter<A> writer, A value,
                                             XdrReader<R> reader) {
        RpcClientOptions options = RpcClientOptions.defaults().withTimeout(policy.tryTimeout()).withRetries(1);
        if (to.local() != null) {
            options = options.withSource(to.local());
        }
        RpcClientOptions opts = options;
        PortMapperClient pmap;
        try {
            pmap = new PortMapperClient(RpcClient.udp(new InetSocketAddress(to.client(), policy.rpcbindPort()), opts));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        Transport other = to.transport() == Transport.TCP ? Transport.UDP : Transport.TCP;
        // The transport of the client's request first; a lockd registered only on the other one is used there.
        return pmap.getPort(NlmProgram.PROGRAM, to.version(), to.transport())
                .thenCompose(port -> port != 0 ? CompletableFuture.completedFuture(new Endpoint(to.transport(), port))
                        : pmap.getPort(NlmProgram.PROGRAM, to.version(), other).thenApply(p -> new Endpoint(other, p)))
                .whenComplete((p, e) -> closeLater(pmap))
                .thenCompose(endpoint -> {
                    if (endpoint.port() == 0) {
                        return CompletableFuture.failedFuture(new IOException("no nlockmgr v" + to.version()
                                + " registered at " + to.client()));
                    }
                    InetSocketAddress remote = new InetSocketAddress(to.client(), endpoint.port());
                    RpcClient rpc;
                    try {
                        rpc = endpoint.transport() == Transport.TCP ? RpcClient.tcp(remote, opts)
                                : RpcClient.udp(remote, opts);
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    return rpc.call(NlmProgram.PROGRAM, to.version(), procedure, writer, value, reader)
                            .whenComplete((r, e) -> closeLater(rpc));
                });
    }

    private record Endpoint(Transport transport, int port) {
    }

    /** Closing waits for the socket; never on the thread completing a reply. */
    private static void closeLater(AutoCloseable c) {
        Thread.ofVirtual().start(() -> {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing a callback client failed", e);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
