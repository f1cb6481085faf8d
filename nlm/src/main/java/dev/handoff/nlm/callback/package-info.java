/**
 * Calls from the server to clients' lock managers (X/Open XNFS chapter 10): NLM_GRANTED for blocked locks that
 * became free, and the _RES answers to _MSG calls, each to the port the client's rpcbind (RFC 1833, port 111)
 * names and from the local address the client's request reached. {@link
 * dev.handoff.nlm.callback.RpcNlmCallbacks} retries GRANTED with back-off on its own timer thread, completes on
 * RPC client threads, and bounds how many callbacks are under way.
 */
package dev.handoff.nlm.callback;
