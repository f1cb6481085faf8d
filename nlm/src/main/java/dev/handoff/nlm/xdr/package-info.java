/**
 * XDR codecs of NLM, the network lock manager (program 100021): versions 1 and 3 from X/Open XNFS chapters
 * 9-10, version 4 from RFC 1813 appendix II, kept apart from the lock manager's logic. Layouts checked
 * against the Linux kernel's lockd (fs/lockd/xdr.c, xdr4.c).
 *
 * <p><b>One set of records for every version.</b> Ranges are 64-bit unsigned longs (compare with
 * {@link java.lang.Long#compareUnsigned}) and statuses are the v4 set, {@link dev.handoff.nlm.xdr.NlmStatus}.
 * The version chooses an {@link dev.handoff.nlm.xdr.NlmWire} and with it the codec instances
 * ({@link dev.handoff.nlm.xdr.NlmArgsCodec}, {@link dev.handoff.nlm.xdr.NlmResultsCodec}):
 * <ul>
 *   <li>Reading v1/v3 widens 32-bit {@code l_offset}/{@code l_len}; it cannot fail for range reasons.</li>
 *   <li>Writing v1/v3 refuses a range beyond 32 bits with {@link dev.handoff.nlm.xdr.NlmRangeException}
 *       rather than truncating it. The server writes ranges in two places: a TEST holder (a lock another
 *       client set through v4) and a GRANTED callback (a lock the client asked for through the same version,
 *       so it always fits). Handlers check {@link dev.handoff.nlm.xdr.NlmWire#fits} and answer FBIG; the
 *       exception's {@code status()} says the same for anything that slips through.</li>
 *   <li>Writing v1/v3 sends statuses the version lacks as Linux's lockd does: DEADLCK as DENIED, ROFS,
 *       STALE_FH, FBIG and FAILED as DENIED_NOLOCKS ({@link dev.handoff.nlm.xdr.NlmWire#onWire}). So FBIG
 *       can be answered to every version.</li>
 * </ul>
 *
 * <p><b>Limits.</b> Caller names at most {@link dev.handoff.nlm.xdr.NlmLimits#LM_MAXSTRLEN} bytes, FREE_ALL's
 * name {@link dev.handoff.nlm.xdr.NlmLimits#LM_MAXNAMELEN}, every netobj (cookie, file handle, owner handle)
 * {@link dev.handoff.nlm.xdr.NlmLimits#MAXNETOBJ_SZ}, as the protocol declares; a file handle longer than our
 * 64 bytes still decodes, and the lock manager answers it as stale. Readers refuse anything longer, a
 * truncated item or an unknown enum value with an {@link dev.handoff.rpc.xdr.XdrException} (GARBAGE_ARGS),
 * never another exception; writers refuse over-long names with an {@link java.lang.IllegalArgumentException},
 * a server bug. Names are decoded leniently from UTF-8, so records do not check their byte length. Codecs
 * keep no state and are shared by all threads.
 */
package dev.handoff.nlm.xdr;
