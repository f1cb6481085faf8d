package dev.handoff.cluster.failover;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test program standing in for NFS: 0 = NULL, 1 = SLOW (blocks until released, then returns 42), so a test
 * can hold a call in flight across a drain.
 */
final class SlowProgram {
    static final int PROG = 0x2000_0077;
    static final int VERS = 1;
    static final int NULL = 0;
    static final int SLOW = 1;
    static final int SLOW_RESULT = 42;

    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    Dispatcher dispatcher() {
        Procedure<Void, Integer> slow = new Procedure<>(SLOW, "SLOW", in -> null, XdrEncoder::writeInt,
                (call, args) -> {
                    slowEntered.countDown();
                    if (!releaseSlow.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    return SLOW_RESULT;
                }, CachePolicy.NONE);
        RpcProgram program = new RpcProgram(PROG, "slow-test", List.of(new ProgramVersion(VERS,
                List.of(Procedure.nullProcedure(), slow))));
        return new Dispatcher(List.of(program), ReplyCache.NONE, CallObserver.NONE);
    }
}
