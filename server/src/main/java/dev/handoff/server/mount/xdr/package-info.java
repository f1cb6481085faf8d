/**
 * XDR codecs of the MOUNT protocol (program 100005): version 3 from RFC 1813 appendix I, version 1 from
 * RFC 1094 appendix A, kept apart from the procedures' logic. The two versions differ only in MNT's result:
 * v3 answers a variable handle of at most 64 bytes and the accepted auth flavors, v1 a fixed 32-byte handle.
 * DUMP, UMNT, UMNTALL and EXPORT are the same in both.
 *
 * <p>Limits: paths (dirpath) at most {@link dev.handoff.server.mount.xdr.MountCodec#MNTPATHLEN} bytes, host
 * and group names at most {@link dev.handoff.server.mount.xdr.MountCodec#MNTNAMLEN}. The readers refuse longer
 * ones with an {@link dev.handoff.rpc.xdr.XdrException} (GARBAGE_ARGS); the writers refuse them with an
 * {@link java.lang.IllegalArgumentException}, a server bug. The records do not check byte lengths themselves:
 * paths and names are strings, decoded leniently from UTF-8 (they are compared with the export table's
 * configured paths, which are text), and an invalid byte becomes a three-byte U+FFFD, so a well-formed call
 * could fail a byte check after decoding. Codecs keep no state.
 */
package dev.handoff.server.mount.xdr;
