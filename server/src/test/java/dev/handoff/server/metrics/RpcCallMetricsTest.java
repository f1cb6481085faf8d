package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.AuthStat;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.PostOpAttr;
import dev.handoff.server.nfs3.xdr.ReadData;
import dev.handoff.server.nfs3.xdr.ReadResult;
import dev.handoff.server.nfs3.xdr.StableHow;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.nfs3.xdr.WccData;
import dev.handoff.server.nfs3.xdr.WriteResult;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcCallMetricsTest {
    private static final int NFS = 100_003;
    private static final Peer PEER = new Peer(Transport.TCP, new InetSocketAddress("127.0.0.1", 2049),
            new InetSocketAddress("127.0.0.1", 700));

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RpcCallMetrics metrics = new RpcCallMetrics(registry);

    private static Procedure<Void, Object> proc(int number, String name) {
        return new Procedure<>(number, name, in -> null, XdrWriter.nothing(), (call, args) -> null,
                CachePolicy.NONE);
    }

    private static RpcReply success(Object result) {
        return new RpcReply.Success<>(result, XdrWriter.nothing());
    }

    @Test
    void countsCallsAndRecordsLatencyByProgramVersionProcedureAndStatus() {
        metrics.onCall(PEER, NFS, 3, proc(1, "GETATTR"), success(new GetattrResult.Fail(Nfs3Status.NFS3ERR_STALE)),
                2_000_000);
        metrics.onCall(PEER, NFS, 3, proc(1, "GETATTR"), success(new GetattrResult.Fail(Nfs3Status.NFS3ERR_STALE)),
                200_000);

        String text = registry.scrape();

        assertThat(text).contains("# HELP handoff_rpc_calls_total ")
                .contains("handoff_rpc_calls_total{procedure=\"GETATTR\",program=\"nfs\",status=\"success\","
                        + "version=\"3\"} 2.0")
                .contains("handoff_rpc_call_duration_seconds_count{procedure=\"GETATTR\",program=\"nfs\","
                        + "status=\"success\",version=\"3\"} 2")
                .contains("handoff_rpc_call_duration_seconds_bucket{procedure=\"GETATTR\",program=\"nfs\","
                        + "status=\"success\",version=\"3\",le=\"2.5E-4\"} 1")
                .contains("handoff_rpc_call_duration_seconds_bucket{procedure=\"GETATTR\",program=\"nfs\","
                        + "status=\"success\",version=\"3\",le=\"0.0025\"} 2");
    }

    @Test
    void countsNfsStatusesFromTheResultRecords() {
        metrics.onCall(PEER, NFS, 3, proc(1, "GETATTR"), success(new GetattrResult.Fail(Nfs3Status.NFS3ERR_STALE)),
                1000);
        metrics.onCall(PEER, NFS, 3, proc(6, "READ"),
                success(new ReadResult.Ok(PostOpAttr.NONE, true, ReadData.wrap(ByteBuffer.allocate(100)))), 1000);

        assertThat(registry.scrape())
                .contains("handoff_nfs3_replies_total{procedure=\"GETATTR\",status=\"NFS3ERR_STALE\"} 1.0")
                .contains("handoff_nfs3_replies_total{procedure=\"READ\",status=\"NFS3_OK\"} 1.0");
    }

    @Test
    void addsUpBytesOfSuccessfulReadsAndWrites() {
        metrics.onCall(PEER, NFS, 3, proc(6, "READ"),
                success(new ReadResult.Ok(PostOpAttr.NONE, false, ReadData.wrap(ByteBuffer.allocate(4096)))), 1);
        metrics.onCall(PEER, NFS, 3, proc(6, "READ"),
                success(new ReadResult.Fail(Nfs3Status.NFS3ERR_IO, PostOpAttr.NONE)), 1);
        metrics.onCall(PEER, NFS, 3, proc(7, "WRITE"),
                success(new WriteResult.Ok(WccData.NONE, 512, StableHow.FILE_SYNC, Verifier3.ZERO)), 1);

        assertThat(registry.scrape())
                .contains("handoff_nfs3_read_bytes_total 4096.0")
                .contains("handoff_nfs3_written_bytes_total 512.0");
    }

    @Test
    void countsRejectedCallsByReasonWithoutTrustingTheirProgramOrVersion() {
        metrics.onCall(PEER, 424_242, 7, null, new RpcReply.ProgUnavail(), 1);
        metrics.onCall(PEER, NFS, 3, proc(4, "ACCESS"), new RpcReply.AuthError(AuthStat.AUTH_BADCRED), 1);
        metrics.onCall(PEER, NFS, 3, proc(4, "ACCESS"), new RpcReply.GarbageArgs(), 1);

        assertThat(registry.scrape())
                .contains("handoff_rpc_rejected_calls_total{reason=\"prog_unavail\"} 1.0")
                .contains("handoff_rpc_rejected_calls_total{reason=\"auth_error\"} 1.0")
                .contains("handoff_rpc_rejected_calls_total{reason=\"garbage_args\"} 1.0")
                .contains("handoff_rpc_calls_total{procedure=\"none\",program=\"other\",status=\"prog_unavail\","
                        + "version=\"none\"} 1.0")
                .doesNotContain("424242");
    }

    @Test
    void countsDroppedRecordsUnderBoundedReasons() {
        metrics.onDropped(PEER, "retransmission of xid 123 still in progress");
        metrics.onDropped(PEER, "retransmission of xid 456 still in progress");
        metrics.onDropped(PEER, "address is draining");
        metrics.onDropped(PEER, "record of 3 bytes is too short for a header");
        metrics.onDropped(PEER, "connection limit: 256 connections from 192.0.2.7");

        assertThat(registry.scrape())
                .contains("handoff_rpc_dropped_records_total{reason=\"retransmission_in_progress\"} 2.0")
                .contains("handoff_rpc_dropped_records_total{reason=\"draining\"} 1.0")
                .contains("handoff_rpc_dropped_records_total{reason=\"too_short\"} 1.0")
                .contains("handoff_rpc_dropped_records_total{reason=\"connection_limit\"} 1.0")
                .doesNotContain("xid").doesNotContain("192.0.2.7");
    }

    @Test
    void everyProcedureOfTheTablesStartsAtZeroSoThatRatesSeeItsFirstCall() {
        metrics.registerProcedures(List.of(new RpcProgram(NFS, "nfs", List.of(new ProgramVersion(3,
                List.of(Procedure.nullProcedure(), proc(6, "READ"))))), new RpcProgram(424_242, "private",
                List.of(new ProgramVersion(1, List.of(Procedure.nullProcedure()))))));

        assertThat(registry.scrape())
                .contains("handoff_rpc_calls_total{procedure=\"READ\",program=\"nfs\",status=\"success\","
                        + "version=\"3\"} 0.0")
                .contains("handoff_rpc_call_duration_seconds_count{procedure=\"NULL\",program=\"nfs\","
                        + "status=\"success\",version=\"3\"} 0")
                .doesNotContain("program=\"other\"");
    }

    @Test
    void nullProcedureOfNfsHasNoStatusAndStillCounts() {
        metrics.onCall(PEER, NFS, 3, Procedure.nullProcedure(), success(null), 1);

        assertThat(registry.scrape())
                .contains("handoff_rpc_calls_total{procedure=\"NULL\",program=\"nfs\",status=\"success\","
                        + "version=\"3\"} 1.0")
                .doesNotContain("handoff_nfs3_replies_total{");
    }
}
