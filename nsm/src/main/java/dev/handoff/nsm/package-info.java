/**
 * NSM, the network status monitor (program 100024 version 1; X/Open XNFS chapter 11), implemented here in place
 * of the host's rpc.statd and sm-notify. {@link dev.handoff.nsm.NsmProgram} is the dispatch table,
 * {@link dev.handoff.nsm.NsmHandlers} the procedures, {@link dev.handoff.nsm.NsmService} the edge that holds
 * the pure {@code state} and carries out its effects: saving ({@code store}), notifying peers of our restart
 * ({@code notify}) and telling the in-process lock manager that a client restarted
 * ({@link dev.handoff.nsm.PeerRebootListener}). Codecs are in {@code xdr}.
 *
 * <p>Threads: handlers run on RPC workers; the service's state is guarded by its lock, which is never held
 * while a listener or the notifier runs.
 */
package dev.handoff.nsm;
