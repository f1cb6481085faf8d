/**
 * XDR codecs of NFS version 3 (RFC 1813, program 100003 version 3), kept apart from the procedures' logic as
 * knfsd keeps nfs3xdr.c apart from nfs3proc.c.
 *
 * <p>Each procedure has an arguments record and a result that is a sealed interface of {@code Ok} and
 * {@code Fail} records carrying what RFC 1813 puts in resok and resfail. The codecs are grouped by family:
 * {@link dev.handoff.server.nfs3.xdr.AttrCodec} (GETATTR, SETATTR, ACCESS),
 * {@link dev.handoff.server.nfs3.xdr.DirOpCodec} (LOOKUP, READLINK, REMOVE, RMDIR, RENAME, LINK),
 * {@link dev.handoff.server.nfs3.xdr.CreateCodec} (CREATE, MKDIR, SYMLINK, MKNOD),
 * {@link dev.handoff.server.nfs3.xdr.IoCodec} (READ, WRITE, COMMIT),
 * {@link dev.handoff.server.nfs3.xdr.ReaddirCodec} (READDIR, READDIRPLUS) and
 * {@link dev.handoff.server.nfs3.xdr.FsInfoCodec} (FSSTAT, FSINFO, PATHCONF), on top of the shared types in
 * {@link dev.handoff.server.nfs3.xdr.Nfs3Xdr}. Every codec reads and writes both directions: the server reads
 * arguments and writes results, tests and test clients do the reverse.
 *
 * <p>Numbers: uint64 quantities (sizes, offsets, cookies, file ids) are {@code long} holding the unsigned
 * value, compared with {@link java.lang.Long#compareUnsigned}. Counts in arguments (count3) are {@code long}
 * holding the unsigned 32-bit value, so that a client's 0xFFFFFFFF cannot turn negative in a handler. Other
 * uint32 fields (mode, uid, gid, nlink, access bits, server-chosen sizes) are {@code int} bit patterns, as in
 * {@link dev.handoff.rpc.message.Credential.Sys}.
 *
 * <p>Limits: handles at most 64 bytes (NFS3_FHSIZE, §2.4); names are decoded up to
 * {@link dev.handoff.server.nfs3.xdr.Filename3#MAX_DECODED_LENGTH} bytes so that the handler, not the decoder,
 * answers NFS3ERR_NAMETOOLONG for names over 255 bytes; paths at most 1024 bytes; WRITE data at most
 * {@link dev.handoff.server.nfs3.xdr.IoCodec#MAX_WRITE_DATA} bytes and exactly the count the arguments
 * announce. Anything else is an {@link dev.handoff.rpc.xdr.XdrException}, which the dispatcher answers with
 * GARBAGE_ARGS.
 *
 * <p>Bulk data does not pass through the heap: {@link dev.handoff.server.nfs3.xdr.WriteData} is a retained
 * slice of the call record, {@link dev.handoff.server.nfs3.xdr.ReadData} a direct buffer that the READ result
 * writer copies into the reply and releases. Codecs run on the worker thread that handles the call and keep no
 * state.
 */
package dev.handoff.server.nfs3.xdr;
