package dev.handoff.rpc.dispatch;

/**
 * A procedure's logic. It runs on a worker thread, so it may block on file I/O; a procedure marked
 * {@link Execution#INLINE} may also run on the event loop, so it must wait on nothing but the local file system.
 * Throwing is a server fault (SYSTEM_ERR); protocol errors are results, mapped by the program's own status
 * function.
 */
@FunctionalInterface
public interface Handler<A, R> {
    R handle(CallContext call, A args) throws Exception;
}
