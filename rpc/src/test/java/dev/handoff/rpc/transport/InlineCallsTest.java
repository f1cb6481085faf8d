package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which thread runs a call: a lone call to an INLINE procedure on an idle connection runs on the event loop that
 * read it; everything else (a WORKER procedure, a cached one whose cache is not local, several records in one read,
 * a call while another is in flight, the option off) on a worker.
 */
class InlineCallsTest {
    private static final int PROG = 0x2000_0002;
    private static final int INLINE = 1;
    private static final int WORKER = 2;
    private static final int CACHED_INLINE = 3;
    private static final int SLOW = 4;

    private final Queue<String> threads = new ConcurrentLinkedQueue<>();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    private RpcProgram program() {
        return new RpcProgram(PROG, "threads", List.of(new ProgramVersion(1, List.of(
                Procedure.nullProcedure(),
                new Procedure<Void, Integer>(INLINE, "INLINE", in -> null, XdrEncoder::writeInt, (call, a) -> ran(),
                        CachePolicy.NONE).inline(),
                new Procedure<Void, Integer>(WORKER, "WORKER", in -> null, XdrEncoder::writeInt, (call, a) -> ran(),
                        CachePolicy.NONE),
                new Procedure<Void, Integer>(CACHED_INLINE, "CACHED_INLINE", in -> null, XdrEncoder::writeInt,
                        (call, a) -> ran(), CachePolicy.REPLY).inline(),
                new Procedure<Void, Integer>(SLOW, "SLOW", in -> null, XdrEncoder::writeInt, (call, a) -> {
                    slowEntered.countDown();
                    releaseSlow.await(10, TimeUnit.SECONDS);
                    return ran();
                }, CachePolicy.NONE)))));
    }

    private int ran() {
        threads.add(Thread.currentThread().getName());
        return 7;
    }

    private static byte[] call(int xid, int proc) {
        return WireClient.call(xid, PROG, 1, proc, new byte[0]);
    }

    private static byte[] marked(byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(0x8000_0000 | r.length).array());
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Conversation {
        void with(WireClient client) throws Exception;
    }

    /** Runs {@code conversation} over one connection to a server with the default configuration. */
    private void talk(Conversation conversation) throws Exception {
        Dispatcher dispatcher = new Dispatcher(List.of(program()), ReplyCache.NONE, CallObserver.NONE);
        try (RpcServer server = new RpcServer(dispatcher, RpcServerConfig.of(List.of(0)), CallObserver.NONE)) {
            ListenerGroup g = server.listen(InetAddress.getLoopbackAddress());
            try (WireClient c = new WireClient(g.tcpEndpoints().getFirst())) {
                conversation.with(c);
            }
        }
    }

    /** Sends each call alone, waiting for its reply; returns the threads that ran them. */
    private List<String> oneAtATime(ReplyCache cache, boolean inlineCalls, int... procs) throws Exception {
        Dispatcher dispatcher = new Dispatcher(List.of(program()), cache, CallObserver.NONE);
        try (RpcServer server = new RpcServer(dispatcher, RpcServerConfig.of(List.of(0)).withInlineCalls(inlineCalls),
                CallObserver.NONE)) {
            ListenerGroup g = server.listen(InetAddress.getLoopbackAddress());
            try (WireClient c = new WireClient(g.tcpEndpoints().getFirst())) {
                int xid = 1;
                for (int proc : procs) {
                    c.sendRaw(marked(call(xid, proc)));
                    assertThat(c.readRecord().getInt(0)).isEqualTo(xid++);
                }
            }
        }
        return List.copyOf(threads);
    }

    @Test
    void aLoneInlineCallRunsOnTheEventLoop() throws Exception {
        assertThat(oneAtATime(ReplyCache.NONE, true, INLINE, INLINE, WORKER))
                .satisfiesExactly(
                        t -> assertThat(t).doesNotStartWith("rpc-worker"),
                        t -> assertThat(t).doesNotStartWith("rpc-worker"),
                        t -> assertThat(t).startsWith("rpc-worker"));
    }

    @Test
    void aLoneDatagramRunsOnTheEventLoopToo() throws Exception {
        Dispatcher dispatcher = new Dispatcher(List.of(program()), ReplyCache.NONE, CallObserver.NONE);
        try (RpcServer server = new RpcServer(dispatcher, RpcServerConfig.of(List.of(0)), CallObserver.NONE);
             java.net.DatagramSocket udp = new java.net.DatagramSocket()) {
            ListenerGroup g = server.listen(InetAddress.getLoopbackAddress());
            udp.setSoTimeout(5000);
            byte[] request = call(9, INLINE);
            udp.send(new java.net.DatagramPacket(request, request.length, g.udpEndpoints().getFirst()));
            java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[512], 512);
            udp.receive(reply);
            assertThat(ByteBuffer.wrap(reply.getData()).getInt(0)).isEqualTo(9);
        }
        assertThat(threads).singleElement().satisfies(t -> assertThat(t).doesNotStartWith("rpc-worker"));
    }

    @Test
    void withTheOptionOffEveryCallGoesToAWorker() throws Exception {
        assertThat(oneAtATime(ReplyCache.NONE, false, INLINE, INLINE)).allMatch(t -> t.startsWith("rpc-worker"));
    }

    @Test
    void aCachedProcedureRunsInlineOnlyWithALocalCache() throws Exception {
        assertThat(oneAtATime(new LocalReplyCache(InstantSource.system()), true, CACHED_INLINE))
                .allMatch(t -> !t.startsWith("rpc-worker"));
        threads.clear();
        LocalReplyCache local = new LocalReplyCache(InstantSource.system());
        ReplyCache remote = new ReplyCache() { // the same cache, said to wait on other machines, as the cluster's
            @Override
            public Lookup begin(ReplyCacheKey key) {
                return local.begin(key);
            }

            @Override
            public void complete(ReplyCacheKey key, Opaque reply) {
                local.complete(key, reply);
            }

            @Override
            public void abandon(ReplyCacheKey key) {
                local.abandon(key);
            }
        };
        assertThat(oneAtATime(remote, true, CACHED_INLINE)).allMatch(t -> t.startsWith("rpc-worker"));
    }

    @Test
    void recordsArrivingTogetherGoToWorkers() throws Exception {
        talk(c -> {
            // One write: on loopback the server reads all three at once.
            c.sendRaw(marked(call(1, INLINE), call(2, INLINE), call(3, INLINE)));
            for (int i = 0; i < 3; i++) {
                c.readRecord();
            }
        });
        assertThat(threads).hasSize(3).allMatch(t -> t.startsWith("rpc-worker"));
    }

    @Test
    void aCallWhileAnotherIsInFlightGoesToAWorker() throws Exception {
        talk(c -> {
            c.sendRaw(marked(call(1, SLOW)));
            assertThat(slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
            c.sendRaw(marked(call(2, INLINE)));
            assertThat(c.readRecord().getInt(0)).isEqualTo(2);
            releaseSlow.countDown();
            assertThat(c.readRecord().getInt(0)).isEqualTo(1);
        });
        assertThat(threads).hasSize(2).allMatch(t -> t.startsWith("rpc-worker"));
    }

    @Test
    void onlyAWellFormedCallHeaderToAnInlineProcedureQualifies() {
        Dispatcher d = new Dispatcher(List.of(program()), ReplyCache.NONE, CallObserver.NONE);
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(call(1, INLINE)))).isTrue();
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(call(1, WORKER)))).isFalse();
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(call(1, 99)))).as("no such procedure").isFalse();
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(WireClient.call(1, PROG, 9, INLINE, new byte[0]))))
                .as("no such version").isFalse();
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(WireClient.call(1, 7, 1, INLINE, new byte[0]))))
                .as("no such program").isFalse();
        byte[] reply = call(1, INLINE);
        reply[7] = 1;
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(reply))).as("a REPLY, not a CALL").isFalse();
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(new byte[23]))).as("shorter than a header").isFalse();
        // Reads at the reader index, as the transport hands records over.
        assertThat(d.mayRunInline(Unpooled.wrappedBuffer(new byte[8], call(1, INLINE)).skipBytes(8))).isTrue();
    }
}
