/**
 * Table-driven dispatch of ONC RPC calls (RFC 5531 §9). Each {@link dev.handoff.rpc.dispatch.RpcProgram}
 * lists its versions and each version its {@link dev.handoff.rpc.dispatch.Procedure} rows (argument reader,
 * result writer, handler, reply-cache policy). The {@link dev.handoff.rpc.dispatch.Dispatcher} derives every
 * refusal from the table (PROG_UNAVAIL, PROG_MISMATCH with the lowest and highest version, PROC_UNAVAIL,
 * GARBAGE_ARGS, SYSTEM_ERR, AUTH_ERROR) and consults the reply cache for non-idempotent rows. It runs on
 * worker threads, and on an event loop for the calls {@link dev.handoff.rpc.dispatch.Dispatcher#mayRunInline}
 * allows; it holds no per-call state; tables are immutable once built.
 */
package dev.handoff.rpc.dispatch;
