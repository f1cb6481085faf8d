package dev.handoff.rpc.dispatch;

import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import java.util.Objects;

/**
 * One row of a program version's dispatch table. Argument types that hold buffers implement
 * {@link AutoCloseable}; the dispatcher closes them after the handler returns.
 */
public record Procedure<A, R>(int number, String name, XdrReader<A> arguments, XdrWriter<R> result,
                              Handler<A, R> handler, CachePolicy cachePolicy, Execution execution) {
    public Procedure {
        Objects.requireNonNull(name);
        Objects.requireNonNull(arguments);
        Objects.requireNonNull(result);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(cachePolicy);
        Objects.requireNonNull(execution);
    }

    /** A procedure that runs on a worker. */
    public Procedure(int number, String name, XdrReader<A> arguments, XdrWriter<R> result, Handler<A, R> handler,
                     CachePolicy cachePolicy) {
        this(number, name, arguments, result, handler, cachePolicy, Execution.WORKER);
    }

    /** This procedure, allowed to run on the event loop that read it ({@link Execution#INLINE}). */
    public Procedure<A, R> inline() {
        return new Procedure<>(number, name, arguments, result, handler, cachePolicy, Execution.INLINE);
    }

    /** Procedure 0 of every program: no arguments, no result, used by clients to ping. */
    public static Procedure<Void, Void> nullProcedure() {
        return new Procedure<>(0, "NULL", in -> null, XdrWriter.nothing(), (call, args) -> null, CachePolicy.NONE,
                Execution.INLINE);
    }
}
