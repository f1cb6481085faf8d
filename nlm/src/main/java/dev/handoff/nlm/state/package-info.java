/**
 * The NLM lock manager as a pure state machine (X/Open XNFS chapters 9-10 "Network Lock Manager"; NLM v4 as in
 * RFC 1813 appendix II): POSIX byte-range locks, share reservations, blocked-lock queues with GRANTED callbacks,
 * grace after a lost table, per-client release and limits.
 *
 * <p>{@link dev.handoff.nlm.state.LockManager#on} takes a {@link dev.handoff.nlm.state.LockInput} (each carrying
 * its time) and returns a {@link dev.handoff.nlm.state.Result}: the reply status and the
 * {@link dev.handoff.nlm.state.Effect}s (send GRANTED, monitor a client, grace over) for the edge to carry out. No
 * clock, socket or thread inside; every transition is a {@link dev.handoff.nlm.state.Transition} counter.
 *
 * <p>The table lives behind {@link dev.handoff.nlm.state.LockStore}, one record per file
 * ({@link dev.handoff.nlm.state.FileLocks}) committed by compare-and-set, plus a per-client index for FREE_ALL and
 * reboot notices. Threads: the manager holds no state of its own beyond atomic counters; any NLM worker thread may
 * call it, and work on one file is serialized by the store's compare-and-set (across nodes too, when the cluster
 * module's store is shared). The rules, each documented where it lives:
 * <ul>
 *   <li>byte ranges, merge and split: {@link dev.handoff.nlm.state.LockRange},
 *       {@link dev.handoff.nlm.state.PosixLocks};
 *   <li>queue order, fairness and the waiter life cycle: {@link dev.handoff.nlm.state.WaitQueue}; deadlocks:
 *       {@link dev.handoff.nlm.state.Deadlocks};
 *   <li>CANCEL, UNLOCK, GRANTED answers, late reclaims: {@link dev.handoff.nlm.state.LockRequests};
 *   <li>shares and why they ignore byte-range locks: {@link dev.handoff.nlm.state.ShareReservation};
 *   <li>grace and when a client is done reclaiming: {@link dev.handoff.nlm.state.Grace},
 *       {@link dev.handoff.nlm.state.LockManager}.
 * </ul>
 */
package dev.handoff.nlm.state;
