package dev.handoff.rpc.dispatch;

/**
 * Which thread may run a procedure. Handing a call to a worker and its reply back to the event loop costs two
 * thread wake-ups, which at one call in flight is most of a small call's time; a call that waits on nothing but
 * the local file system can skip both (knfsd's threads, too, receive, run and answer a call on one thread).
 */
public enum Execution {
    /**
     * Always on a worker: the procedure may wait on something other than the local file system (the cluster, a
     * lock, a callback, an fsync), and an event loop must never wait on those.
     */
    WORKER,
    /**
     * May run on the event loop that read it when its connection has nothing else in flight; otherwise, or
     * while the file system is slow, on a worker like any other.
     */
    INLINE
}
