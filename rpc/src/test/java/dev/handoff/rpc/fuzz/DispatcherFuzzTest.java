package dev.handoff.rpc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Dispatcher#process} end to end: a fuzzed record against a table of rpcbind (versions 2 to 4) and a
 * program whose procedure keeps a slice of the record (as WRITE does) behind the reply cache. Every record must
 * get a well-formed reply to its own xid, or be dropped for one of the reasons the dispatcher defines (too
 * short for a header, not a CALL); the record must come back unreferenced. Input: one record.
 */
@Tag("long-form")
class DispatcherFuzzTest {
    static {
        FuzzLeaks.install();
        FuzzChecks.quietLogs();
    }

    static final int SINK = 0x2000_0002;

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("rpc");
    private static final Peer PEER = new Peer(Transport.TCP, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 111),
            new InetSocketAddress(InetAddress.ofLiteral("10.0.0.2"), 700));
    private static final Dispatcher DISPATCHER = dispatcher();

    /** A procedure's arguments that own a slice of the record, released by the dispatcher through close. */
    record Slice(ByteBuf data) implements AutoCloseable {
        @Override
        public void close() {
            data.release();
        }
    }

    private static Dispatcher dispatcher() {
        RpcbindRegistry registry = new RpcbindRegistry();
        registry.set(100_003, 3, Transport.TCP, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 2049),
                RpcbindRegistry.SUPERUSER);
        registry.set(100_005, 3, Transport.UDP, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 20048),
                RpcbindRegistry.SUPERUSER);
        RpcProgram sink = new RpcProgram(SINK, "sink", List.of(new ProgramVersion(1, List.of(
                Procedure.nullProcedure(),
                new Procedure<>(1, "KEEP", in -> new Slice(in.readOpaqueSlice(8192)), XdrEncoder::writeInt,
                        (call, slice) -> slice.data().readableBytes(), CachePolicy.REPLY)))));
        return new Dispatcher(List.of(RpcbindProgram.create(registry, InstantSource.system()), sink),
                new LocalReplyCache(InstantSource.system()), CallObserver.NONE);
    }

    @FuzzTest
    void everyRecordIsAnsweredOrDroppedForADefinedReason(byte[] input) {
        RUN.count();
        FuzzChecks.withinAllocationBound(input.length, FuzzChecks.RPCBIND_GETSTAT_REPLY, () -> {
            ByteBuf record = FuzzChecks.record(input);
            ByteBuf reply = DISPATCHER.process(record, PEER, FuzzChecks.ALLOC);
            FuzzChecks.release(record);
            Replies.check(input, reply);
        });
        FuzzLeaks.assertNone();
    }
}
