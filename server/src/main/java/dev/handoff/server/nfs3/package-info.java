/**
 * The NFS version 3 procedures (RFC 1813 §3.3), kept apart from their codecs ({@code nfs3.xdr}) as knfsd
 * keeps nfs3proc.c apart from nfs3xdr.c.
 *
 * <p>{@link dev.handoff.server.nfs3.Nfs3Program} is the table: per procedure its number, name, codecs,
 * reply-cache policy, handler and failure result. Handlers are grouped by family, one file each
 * (attributes, directory operations, creation, I/O, directory listing, file system information), and stay
 * thin: {@link dev.handoff.server.nfs3.Nfs3Request} runs the prologue every handle of every call goes through
 * (signature, export access from the caller's address, identity squashing, read-only exports) and keeps the
 * pre-operation attributes for wcc_data; {@link dev.handoff.server.nfs3.Nfs3Rows} holds the one failure path;
 * {@link dev.handoff.server.nfs3.Nfs3Errors} the one errno-to-nfsstat3 mapping.
 *
 * <p>Handlers run on the dispatcher's worker threads, one call per thread, and keep no state between calls;
 * the exports table is read once per call. What persists lives in the file system behind
 * {@link dev.handoff.server.vfs.Vfs} and in the reply cache of the rpc module.
 */
package dev.handoff.server.nfs3;
