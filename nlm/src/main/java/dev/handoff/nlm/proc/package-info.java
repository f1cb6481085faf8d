/**
 * The NLM procedures (X/Open XNFS chapter 10; NLM version 4 in RFC 1813 appendix II): {@link
 * dev.handoff.nlm.proc.NlmHandlers} for the synchronous calls of one version, {@link
 * dev.handoff.nlm.proc.NlmMessages} for the _MSG/_RES forms, and the two edges they need from the server: {@link
 * dev.handoff.nlm.proc.NlmFiles} (NFS handle to lock key, with the export checks) and {@link
 * dev.handoff.nlm.proc.ClientMonitor} (SM_MON). Handlers run on RPC worker threads and keep no state of their own;
 * the lock table is the {@link dev.handoff.nlm.state.LockManager}'s.
 */
package dev.handoff.nlm.proc;
