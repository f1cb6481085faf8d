/**
 * SM_NOTIFY to peers after this server restarts (X/Open XNFS chapter 11; the schedule of nfs-utils'
 * sm-notify): {@link dev.handoff.nsm.notify.Notifier} keeps one campaign per peer and retries it by a pure
 * {@link dev.handoff.nsm.notify.RetryPolicy} through an injected {@link dev.handoff.nsm.notify.Scheduler};
 * {@link dev.handoff.nsm.notify.RpcNotifySender} finds each peer's statd through its rpcbind and calls it over
 * UDP from the address the peer knows us by.
 *
 * <p>Threads: the notifier's campaigns are guarded by its lock; sends run on virtual threads, retries on the
 * scheduler's thread.
 */
package dev.handoff.nsm.notify;
