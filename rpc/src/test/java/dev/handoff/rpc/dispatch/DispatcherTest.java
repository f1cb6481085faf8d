package dev.handoff.rpc.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.testing.Hex;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The dispatch table's RFC 5531 §9 refusals, argument and handler failures, and the reply cache flow. */
class DispatcherTest {
    private static final String ACCEPTED = "00000001 00000000 00000000 00000000";
    private static final Peer PEER = new Peer(Transport.TCP,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 2049),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 812));

    private final TestProgram program = new TestProgram();
    private final List<String> observed = new ArrayList<>();
    private final CallObserver observer = new CallObserver() {
        @Override
        public void onCall(Peer peer, int prog, int vers, Procedure<?, ?> procedure, RpcReply reply, long nanos) {
            observed.add((procedure == null ? "-" : procedure.name()) + " " + reply.getClass().getSimpleName());
        }

        @Override
        public void onDropped(Peer peer, String reason) {
            observed.add("dropped: " + reason);
        }
    };

    private static byte[] call(int xid, int prog, int vers, int proc, Credential cred, Consumer<XdrEncoder> args) {
        ByteBuf b = Unpooled.buffer();
        XdrEncoder out = new XdrEncoder(b);
        RpcMessageCodec.encodeCall(out, xid, prog, vers, proc, cred);
        args.accept(out);
        return ByteBufUtil.getBytes(b);
    }

    private static byte[] call(int xid, int proc, Consumer<XdrEncoder> args) {
        return call(xid, TestProgram.PROG, 2, proc, Credential.None.INSTANCE, args);
    }

    private static byte[] call(int xid, int proc, int arg) {
        return call(xid, proc, out -> out.writeInt(arg));
    }

    /** The reply as hex, or null when nothing is sent. */
    private static String process(Dispatcher d, byte[] record) {
        ByteBuf in = Unpooled.wrappedBuffer(record);
        ByteBuf reply = d.process(in, PEER, UnpooledByteBufAllocator.DEFAULT);
        assertThat(in.refCnt()).as("the dispatcher does not release the record").isEqualTo(1);
        in.release();
        if (reply == null) {
            return null;
        }
        String hex = ByteBufUtil.hexDump(reply);
        reply.release();
        return hex;
    }

    private String process(byte[] record) {
        return process(new Dispatcher(List.of(program.program()), ReplyCache.NONE, observer), record);
    }

    @Test
    void aCallRunsItsHandlerAndEncodesTheResult() {
        assertThat(process(call(7, TestProgram.ECHO, 41)))
                .isEqualTo(Hex.strip("00000007" + ACCEPTED + "00000000 0000002a"));
        assertThat(observed).containsExactly("ECHO Success");
    }

    @Test
    void anUnknownProgramGetsProgUnavail() {
        assertThat(process(call(1, 0x2999_9999, 2, 0, Credential.None.INSTANCE, out -> { })))
                .isEqualTo(Hex.strip("00000001" + ACCEPTED + "00000001"));
        assertThat(observed).containsExactly("- ProgUnavail");
    }

    @Test
    void anUnknownVersionGetsProgMismatchWithTheLowestAndHighestServed() {
        assertThat(process(call(2, TestProgram.PROG, 3, 0, Credential.None.INSTANCE, out -> { })))
                .isEqualTo(Hex.strip("00000002" + ACCEPTED + "00000002 00000002 00000004"));
        assertThat(process(call(2, TestProgram.PROG, 5, 0, Credential.None.INSTANCE, out -> { })))
                .isEqualTo(Hex.strip("00000002" + ACCEPTED + "00000002 00000002 00000004"));
    }

    @Test
    void anUnknownProcedureGetsProcUnavail() {
        for (int proc : new int[] {99, -1, 7}) {
            assertThat(process(call(3, proc, out -> { }))).as("procedure %d", proc)
                    .isEqualTo(Hex.strip("00000003" + ACCEPTED + "00000003"));
        }
        assertThat(process(call(3, TestProgram.PROG, 4, TestProgram.ECHO, Credential.None.INSTANCE, out -> { })))
                .as("ECHO is not in version 4").isEqualTo(Hex.strip("00000003" + ACCEPTED + "00000003"));
    }

    @Test
    void argumentsThatDoNotDecodeGetGarbageArgsAndTheHandlerDoesNotRun() {
        byte[] cut = call(4, TestProgram.ECHO, 1);
        assertThat(process(Arrays.copyOf(cut, cut.length - 2)))
                .isEqualTo(Hex.strip("00000004" + ACCEPTED + "00000004"));
        assertThat(process(call(4, TestProgram.ECHO, out -> { })))
                .isEqualTo(Hex.strip("00000004" + ACCEPTED + "00000004"));
        assertThat(program.executions).isZero();
        assertThat(observed).containsExactly("ECHO GarbageArgs", "ECHO GarbageArgs");
    }

    @Test
    void argumentsThatDecodeButAreRefusedByTheirTypeGetGarbageArgs() {
        assertThat(process(call(4, TestProgram.STRICT, -1)))
                .isEqualTo(Hex.strip("00000004" + ACCEPTED + "00000004"));
        assertThat(program.executions).isZero();
    }

    @Test
    void aMissingCacheOrObserverIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new Dispatcher(List.of(program.program()), null, observer))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Dispatcher(List.of(program.program()), ReplyCache.NONE, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aHandlerThatThrowsGetsSystemErr() {
        assertThat(process(call(5, TestProgram.FAIL, out -> { })))
                .isEqualTo(Hex.strip("00000005" + ACCEPTED + "00000005"));
        assertThat(observed).containsExactly("FAIL SystemErr");
    }

    @Test
    void aResultEncoderThatThrowsGetsSystemErrInsteadOfAPartialReply() {
        assertThat(process(call(6, TestProgram.BAD_RESULT, out -> { })))
                .isEqualTo(Hex.strip("00000006" + ACCEPTED + "00000005"));
    }

    @Test
    void aCredentialOfAnUnknownFlavorGetsAuthErrorBadCred() {
        Credential gss = new Credential.Other(6, Opaque.ofHex("00000001"));
        assertThat(process(call(8, TestProgram.PROG, 2, TestProgram.ECHO, gss, out -> out.writeInt(1))))
                .isEqualTo(Hex.strip("00000008 00000001 00000001 00000001 00000001"));
        assertThat(program.executions).isZero();
    }

    @Test
    void anAuthSysCallerReachesTheHandler() {
        Credential sys = new Credential.Sys(1, "client", 1000, 100, List.of(100, 10));
        assertThat(process(call(9, TestProgram.PROG, 2, TestProgram.ECHO, sys, out -> out.writeInt(1))))
                .endsWith("00000002");
        assertThat(program.lastCredential).isEqualTo(sys);
    }

    @Test
    void rpcVersion3GetsRpcMismatchAndATooShortRecordGetsNothing() {
        byte[] v3 = call(10, TestProgram.ECHO, 1);
        v3[11] = 3;
        assertThat(process(v3)).isEqualTo(Hex.strip("0000000a 00000001 00000001 00000000 00000002 00000002"));
        assertThat(process(new byte[] {0, 0, 0, 1, 0})).isNull();
        assertThat(observed).last().asString().startsWith("dropped: ");
    }

    @Test
    void closeableArgumentsAreClosedWhateverTheHandlerDoes() {
        assertThat(process(call(11, TestProgram.CLOSEABLE, 0))).endsWith("00000000");
        assertThat(process(call(12, TestProgram.CLOSEABLE, 1))).endsWith("00000005");
        assertThat(program.closed).isEqualTo(2);
    }

    @Test
    void anErrorEscapesButStillClosesTheArgumentsAndAbandonsTheCacheEntry() {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.Execute());
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        assertThatThrownBy(() -> process(d, call(13, TestProgram.CLOSEABLE, 2))).isInstanceOf(InternalError.class);
        assertThat(program.closed).isEqualTo(1);
        assertThat(cache.events).containsExactly("begin", "abandon");
    }

    /** Runs one call of {@code procedure} through a cache that says to run it; the reply, checked as stored. */
    private String runAndStore(int procedure, String begin) {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.Execute());
        String reply = process(new Dispatcher(List.of(program.program()), cache, observer), call(14, procedure, 5));
        assertThat(cache.events).containsExactly(begin, "complete");
        assertThat(cache.stored.toHex()).isEqualTo(reply);
        return reply;
    }

    @Test
    void aNewCachedCallRunsAndItsEncodedReplyIsStored() {
        runAndStore(TestProgram.CACHED, "begin");
        assertThat(program.executions).isEqualTo(1);
    }

    @Test
    void aRepeatableCallAsksTheCacheForARepeatableBeginAndStoresItsReply() {
        String reply = runAndStore(TestProgram.REPEATABLE, "beginRepeatable");
        RecordingCache replaying = new RecordingCache(new ReplyCache.Lookup.Replay(Opaque.ofHex(reply)));
        assertThat(process(new Dispatcher(List.of(program.program()), replaying, observer),
                call(14, TestProgram.REPEATABLE, 5))).isEqualTo(reply);
        assertThat(program.executions).isEqualTo(1);
    }

    @Test
    void aCacheThatCannotTakeTheMarkDropsTheCallUnrun() {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.Execute()) {
            @Override
            public Lookup begin(ReplyCacheKey key) {
                throw new CallUnavailableException("cut off", null);
            }
        };
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        assertThat(process(d, call(17, TestProgram.CACHED, 5))).isNull();
        assertThat(program.executions).isZero();
    }

    @Test
    void aRunTakenOverFromANodeThatLeftTellsTheHandlerItsEffectsMayBeInPlace() {
        process(new Dispatcher(List.of(program.program()), new RecordingCache(new ReplyCache.Lookup.Execute()),
                observer), call(15, TestProgram.CACHED, 5));
        assertThat(program.lastEarlierRunLost).isFalse();
        process(new Dispatcher(List.of(program.program()), new RecordingCache(new ReplyCache.Lookup.Execute(true)),
                observer), call(16, TestProgram.CACHED, 5));
        assertThat(program.lastEarlierRunLost).isTrue();
    }

    @Test
    void aCacheThatCannotStoreTheReplyStillLetsTheReplyOutAndForgetsTheEntry() {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.Execute()) {
            @Override
            public void complete(ReplyCacheKey key, Opaque encodedReply) {
                super.complete(key, encodedReply);
                throw new IllegalStateException("no quorum");
            }
        };
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        assertThat(process(d, call(21, TestProgram.CACHED, 5))).endsWith("00000001");
        assertThat(cache.events).containsExactly("begin", "complete", "abandon");
    }

    @Test
    void aRetransmissionOfARunningCallIsDroppedUnrun() {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.InProgress());
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        assertThat(process(d, call(15, TestProgram.CACHED, 5))).isNull();
        assertThat(program.executions).isZero();
        assertThat(cache.events).containsExactly("begin");
        assertThat(observed).singleElement().asString().contains("still in progress");
    }

    @Test
    void aRetransmissionOfAFinishedCallGetsTheCachedBytesExactly() {
        Opaque cached = Opaque.ofHex("0000001000000001000000000000000000000000000000000000beef");
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.Replay(cached));
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        assertThat(process(d, call(16, TestProgram.CACHED, 5))).isEqualTo(cached.toHex());
        assertThat(program.executions).isZero();
    }

    @Test
    void proceduresWithoutACachePolicyNeverTouchTheCache() {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.InProgress());
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        assertThat(process(d, call(17, TestProgram.ECHO, 1))).isNotNull();
        assertThat(cache.events).isEmpty();
    }

    @Test
    void theCacheKeyCoversCallerXidProcedureAndArguments() {
        RecordingCache cache = new RecordingCache(new ReplyCache.Lookup.Execute());
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        process(d, call(18, TestProgram.CACHED, 5));
        process(d, call(18, TestProgram.CACHED, 5));
        process(d, call(18, TestProgram.CACHED, 6));
        process(d, call(19, TestProgram.CACHED, 5));
        assertThat(cache.keys.get(0)).isEqualTo(cache.keys.get(1));
        assertThat(cache.keys.get(2)).as("other arguments").isNotEqualTo(cache.keys.get(0));
        assertThat(cache.keys.get(3).xid()).isEqualTo(19);
        assertThat(cache.keys.get(0).local()).isEqualTo(PEER.local());
        assertThat(cache.keys.get(0).remote()).isEqualTo(PEER.remote());
        assertThat(cache.keys.get(0).argumentLength()).isEqualTo(4);
    }

    @Test
    void withTheLocalCacheARetransmissionIsAnsweredWithoutRunningTwice() {
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
        LocalReplyCache cache = new LocalReplyCache(clock);
        Dispatcher d = new Dispatcher(List.of(program.program()), cache, observer);
        String first = process(d, call(20, TestProgram.CACHED, 5));
        String again = process(d, call(20, TestProgram.CACHED, 5));
        assertThat(again).isEqualTo(first);
        assertThat(program.executions).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aProgramRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> new Dispatcher(List.of(program.program(), program.program()), ReplyCache.NONE,
                observer)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A reply cache that answers every begin with one scripted lookup and records what it was told. */
    private static class RecordingCache implements ReplyCache {
        final List<String> events = new ArrayList<>();
        final List<ReplyCacheKey> keys = new ArrayList<>();
        private final Lookup answer;
        Opaque stored;

        RecordingCache(Lookup answer) {
            this.answer = answer;
        }

        @Override
        public Lookup begin(ReplyCacheKey key) {
            events.add("begin");
            keys.add(key);
            return answer;
        }

        @Override
        public Lookup beginRepeatable(ReplyCacheKey key) {
            events.add("beginRepeatable");
            keys.add(key);
            return answer;
        }

        @Override
        public void complete(ReplyCacheKey key, Opaque encodedReply) {
            events.add("complete");
            stored = encodedReply;
        }

        @Override
        public void abandon(ReplyCacheKey key) {
            events.add("abandon");
        }
    }

    /** Versions 2 and 4 of a test program; version 2 has one procedure per behaviour under test. */
    @Test
    void aCallTheGateRefusesIsDroppedUnrunAndItsRetransmissionRunsOnceTheGateOpens() {
        Dispatcher d = new Dispatcher(List.of(program.program()), new LocalReplyCache(InstantSource.system()),
                observer);
        d.gate(local -> local.getPort() == 2049 ? "lease on the VIP has ended" : null);

        assertThat(process(d, call(31, TestProgram.CACHED, 5))).isNull();
        assertThat(program.executions).isZero();
        assertThat(observed).containsExactly("dropped: lease on the VIP has ended");

        d.gate(CallGate.OPEN);
        assertThat(process(d, call(31, TestProgram.CACHED, 5))).as("not held as in progress").endsWith("00000001");
        assertThat(program.executions).isEqualTo(1);
    }

    @Test
    void aCallThatFindsTheSharedStateOutOfReachGetsNoReplyRatherThanSystemErr() {
        Dispatcher d = new Dispatcher(List.of(program.program()), new LocalReplyCache(InstantSource.system()),
                observer);
        program.unavailableFor = 1;

        assertThat(process(d, call(32, TestProgram.UNAVAILABLE, 5))).isNull();
        assertThat(observed).containsExactly("dropped: no quorum");

        assertThat(process(d, call(32, TestProgram.UNAVAILABLE, 5))).as("the retransmission runs")
                .isEqualTo(Hex.strip("00000020" + ACCEPTED + "00000000 00000001"));
    }

    private static final class TestProgram {
        static final int PROG = 0x2000_0042;
        static final int ECHO = 1;
        static final int FAIL = 2;
        static final int BAD_RESULT = 3;
        static final int CLOSEABLE = 4;
        static final int CACHED = 5;
        static final int STRICT = 6;
        static final int UNAVAILABLE = 9;
        static final int REPEATABLE = 10;

        int executions;
        int closed;
        /** How many more UNAVAILABLE calls find the shared state out of reach. */
        int unavailableFor;
        Credential lastCredential;
        boolean lastEarlierRunLost;

        /** Arguments holding a resource; mode 0 returns, 1 throws an exception, 2 throws an error. */
        record Held(int mode, TestProgram owner) implements AutoCloseable {
            @Override
            public void close() {
                owner.closed++;
            }
        }

        RpcProgram program() {
            Procedure<Integer, Integer> echo = new Procedure<>(ECHO, "ECHO", XdrDecoder::readInt,
                    XdrEncoder::writeInt, (call, arg) -> {
                        executions++;
                        lastCredential = call.credential();
                        return arg + 1;
                    }, CachePolicy.NONE);
            Procedure<Void, Void> fail = new Procedure<>(FAIL, "FAIL", in -> null, XdrWriter.nothing(),
                    (call, args) -> {
                        throw new IOException("disk on fire");
                    }, CachePolicy.NONE);
            Procedure<Void, Integer> badResult = new Procedure<>(BAD_RESULT, "BAD_RESULT", in -> null,
                    (out, r) -> {
                        out.writeInt(r);
                        throw new IllegalStateException("result encoder bug");
                    }, (call, args) -> 1, CachePolicy.NONE);
            Procedure<Held, Void> closeable = new Procedure<>(CLOSEABLE, "CLOSEABLE",
                    in -> new Held(in.readInt(), this), XdrWriter.nothing(), (call, held) -> {
                        switch (held.mode()) {
                            case 1 -> throw new IOException("failed while holding");
                            case 2 -> throw new InternalError("worker broke");
                            default -> {
                                return null;
                            }
                        }
                    }, CachePolicy.REPLY);
            Procedure<Integer, Integer> cached = new Procedure<>(CACHED, "CACHED", XdrDecoder::readInt,
                    XdrEncoder::writeInt, (call, arg) -> {
                        lastEarlierRunLost = call.earlierRunLost();
                        return ++executions;
                    }, CachePolicy.REPLY);
            Procedure<Integer, Integer> strict = new Procedure<>(STRICT, "STRICT", in -> {
                int v = in.readInt();
                if (v < 0) {
                    throw new IllegalArgumentException("negative count " + v);
                }
                return v;
            }, XdrEncoder::writeInt, (call, arg) -> ++executions, CachePolicy.NONE);
            Procedure<Integer, Integer> unavailable = new Procedure<>(UNAVAILABLE, "UNAVAILABLE",
                    XdrDecoder::readInt, XdrEncoder::writeInt, (call, arg) -> {
                        if (unavailableFor > 0) {
                            unavailableFor--;
                            throw new CallUnavailableException("no quorum", null);
                        }
                        return ++executions;
                    }, CachePolicy.REPLY);
            Procedure<Integer, Integer> repeatable = new Procedure<>(REPEATABLE, "REPEATABLE", XdrDecoder::readInt,
                    XdrEncoder::writeInt, (call, arg) -> ++executions, CachePolicy.REPLY_REPEATABLE);
            return new RpcProgram(PROG, "test", List.of(
                    new ProgramVersion(2, List.of(Procedure.nullProcedure(), echo, fail, badResult, closeable,
                            cached, strict, unavailable, repeatable)),
                    new ProgramVersion(4, List.of(Procedure.nullProcedure()))));
        }
    }

}
