/**
 * XDR codecs of rpcbind (RFC 1833): the port mapper's {@code mapping} and {@code pmaplist} (§3, version 2),
 * {@code rpcb} and {@code rp__list} (§2.1, versions 3 and 4), {@code netbuf}, {@code rpcb_entry_list} and
 * {@code rpcb_stat_byvers} (§2.2), and the conversions between universal addresses and socket addresses.
 * Stateless; every string and list is bounded by a limit named in its codec.
 */
package dev.handoff.rpc.rpcbind.xdr;
