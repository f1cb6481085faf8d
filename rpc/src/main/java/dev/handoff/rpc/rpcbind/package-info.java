/**
 * The embedded rpcbind (program 100000, RFC 1833): the port mapper protocol (version 2, §3) and rpcbind
 * versions 3 and 4 (§2), answered from a {@link dev.handoff.rpc.rpcbind.RpcbindRegistry}.
 *
 * <p>Why it is embedded: a Linux client's lockd always asks port 111 of the server address for the NLM port,
 * and a VIP may move to any node, so every node answers rpcbind on every VIP it holds; its GETADDR answers
 * name the address the call arrived on, which is right on every VIP. Where a system rpcbind already owns port
 * 111, {@link dev.handoff.rpc.client.PortMapperClient} registers with it instead.
 *
 * <p>Threads: the registry and the statistics are shared by all worker threads and lock themselves; handlers
 * keep no other state. Remote calls (CALLIT, INDIRECT, BCAST) are not forwarded: they are left out of the
 * tables and answer PROC_UNAVAIL.
 */
package dev.handoff.rpc.rpcbind;
