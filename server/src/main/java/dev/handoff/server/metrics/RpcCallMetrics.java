package dev.handoff.server.metrics;

import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every answered and every dropped call (RFC 5531 §9): a counter and a latency histogram per
 * program, version, procedure and reply status, rejected calls by reason, dropped records by reason, and for
 * NFSv3 (program 100003) the nfsstat3 of each result and the bytes READ and WRITE moved.
 *
 * <p>Runs on the RPC worker threads: meters are looked up once per label set and kept in maps, so a call
 * costs a map lookup and two increments.
 */
public final class RpcCallMetrics implements CallObserver {
    private static final int NFS_PROGRAM = 100_003;
    /** No procedure: the call was refused before one was found; its version is not a trusted label either. */
    private static final String NONE = "none";
    /**
     * Buckets from a cached GETATTR (~100 µs) to a WRITE stuck behind a slow disk or a drain (10 s), roughly
     * 1-2.5-5 per decade, so that both latency SLOs and stalls show.
     */
    private static final Duration[] BUCKETS = {
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private record CallKey(String program, String version, String procedure, String status) {
    }

    private record CallMeters(Counter calls, Timer duration) {
    }

    private final MeterRegistry registry;
    private final Map<CallKey, CallMeters> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> nfsStatuses = new ConcurrentHashMap<>();
    private final Counter bytesRead;
    private final Counter bytesWritten;

    public RpcCallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesRead = Counter.builder("handoff.nfs3.read").baseUnit("bytes")
                .description("File data returned by successful NFSv3 READ calls").register(registry);
        this.bytesWritten = Counter.builder("handoff.nfs3.written").baseUnit("bytes")
                .description("File data accepted by successful NFSv3 WRITE calls").register(registry);
    }

    /**
     * Creates the success series of every procedure in the tables at zero. Prometheus' {@code rate()} and
     * {@code increase()} need a sample before the first call; a series born at its first call would hide it.
     */
    public void registerProcedures(List<RpcProgram> programs) {
        for (RpcProgram program : programs) {
            String name = ProgramNames.of(program.number());
            if (name.equals(ProgramNames.OTHER)) {
                continue;
            }
            for (ProgramVersion version : program.versions().values()) {
                for (Procedure<?, ?> p : version.procedures()) {
                    calls.computeIfAbsent(new CallKey(name, Integer.toString(version.version()), p.name(), "success"),
                            this::callMeters);
                }
            }
        }
    }

    @Override
    public void onCall(Peer peer, int program, int version, Procedure<?, ?> procedure, RpcReply reply, long nanos) {
        String status = ReplyStatus.of(reply);
        String programName = ProgramNames.of(program);
        boolean known = procedure != null && !programName.equals(ProgramNames.OTHER);
        CallKey key = new CallKey(programName, known ? Integer.toString(version) : NONE,
                known ? procedure.name() : NONE, status);
        CallMeters meters = calls.computeIfAbsent(key, this::callMeters);
        meters.calls().increment();
        meters.duration().record(nanos, TimeUnit.NANOSECONDS);
        if (ReplyStatus.isRejection(reply)) {
            rejected.computeIfAbsent(status, this::rejectedCounter).increment();
        }
        if (program == NFS_PROGRAM && known && reply instanceof RpcReply.Success<?> success) {
            recordNfs(procedure.name(), success.result());
        }
    }

    @Override
    public void onDropped(Peer peer, String reason) {
        dropped.computeIfAbsent(ReplyStatus.dropReason(reason), this::droppedCounter).increment();
    }

    private void recordNfs(String procedure, Object result) {
        Nfs3Status status = Nfs3Outcome.status(result);
        if (status != null) {
            nfsStatuses.computeIfAbsent(procedure + ' ' + status.name(),
                    k -> nfsStatusCounter(procedure, status)).increment();
        }
        bytesRead.increment(Nfs3Outcome.bytesRead(result));
        bytesWritten.increment(Nfs3Outcome.bytesWritten(result));
    }

    private CallMeters callMeters(CallKey k) {
        String[] tags = {"program", k.program(), "version", k.version(), "procedure", k.procedure(),
                "status", k.status()};
        return new CallMeters(
                Counter.builder("handoff.rpc.calls").baseUnit("calls").tags(tags)
                        .description("RPC calls answered, by program, version, procedure and reply status")
                        .register(registry),
                Timer.builder("handoff.rpc.call.duration").tags(tags).serviceLevelObjectives(BUCKETS)
                        .description("Time from receiving an RPC call to its encoded reply")
                        .register(registry));
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder("handoff.rpc.rejected").baseUnit("calls").tag("reason", reason)
                .description("RPC calls refused without running a procedure (auth, garbage, unknown program)")
                .register(registry);
    }

    private Counter droppedCounter(String reason) {
        return Counter.builder("handoff.rpc.dropped").baseUnit("records").tag("reason", reason)
                .description("RPC records not answered at all (unparseable, retransmission in progress, draining)")
                .register(registry);
    }

    private Counter nfsStatusCounter(String procedure, Nfs3Status status) {
        return Counter.builder("handoff.nfs3.replies").baseUnit("replies")
                .tag("procedure", procedure).tag("status", status.name())
                .description("NFSv3 results by procedure and nfsstat3 (RFC 1813 section 2.6)")
                .register(registry);
    }
}
