package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A test program: 1 = SLOW (blocks until released), 2 = COUNT (counts executions, returns the count). */
final class TestPrograms {
    static final int PROG = 0x2000_0001;
    static final int VERS = 1;
    static final int SLOW = 1;
    static final int COUNT = 2;

    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    final AtomicInteger counted = new AtomicInteger();

    RpcProgram program() {
        Procedure<Void, Integer> slow = new Procedure<>(SLOW, "SLOW", in -> null, XdrEncoder::writeInt,
                (call, args) -> {
                    slowEntered.countDown();
                    if (!releaseSlow.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    return 42;
                }, CachePolicy.NONE);
        Procedure<Integer, Integer> count = new Procedure<>(COUNT, "COUNT", XdrDecoder::readInt,
                XdrEncoder::writeInt, (call, arg) -> counted.incrementAndGet(), CachePolicy.NONE);
        return new RpcProgram(PROG, "test", List.of(new ProgramVersion(VERS,
                List.of(Procedure.nullProcedure(), slow, count))));
    }
}
