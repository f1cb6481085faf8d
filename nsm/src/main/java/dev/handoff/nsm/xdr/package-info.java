/**
 * XDR codecs of NSM, the network status monitor (program 100024 version 1; X/Open XNFS chapter 11, and
 * {@code sm_inter.x} as nfs-utils' statd and the Linux kernel's lockd speak it), kept apart from the monitor's
 * logic. Both directions: the server decodes SM_STAT/MON/UNMON/UNMON_ALL calls from a local lock manager and
 * SM_NOTIFY from peers, and encodes SM_NOTIFY ({@link dev.handoff.nsm.xdr.StatChge}) to clients and the
 * status callback ({@link dev.handoff.nsm.xdr.CallbackStatus}) to the registered {@code my_prog/my_proc}.
 *
 * <p>Limits: every name is at most {@link dev.handoff.nsm.xdr.NsmCodec#SM_MAXSTRLEN} bytes, every private
 * cookie exactly {@link dev.handoff.nsm.xdr.Mon#PRIV_SIZE}. Readers refuse anything else with an
 * {@link dev.handoff.rpc.xdr.XdrException} (GARBAGE_ARGS); writers refuse an over-long name with an
 * {@link java.lang.IllegalArgumentException}, a server bug. Names are decoded leniently from UTF-8, so the
 * records do not check byte lengths (an invalid byte becomes a three-byte U+FFFD). Codecs keep no state.
 */
package dev.handoff.nsm.xdr;
