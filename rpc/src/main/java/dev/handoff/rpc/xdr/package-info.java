/**
 * RFC 4506 XDR over Netty buffers. {@link dev.handoff.rpc.xdr.XdrDecoder} reads one whole record and checks
 * every declared length against its limit and against the bytes left before allocating (§4.9-4.13 opaque,
 * string and arrays); malformed input is only ever an {@link dev.handoff.rpc.xdr.XdrException}. Decoders and
 * encoders are used by one thread at a time (the worker running the call); {@link dev.handoff.rpc.xdr.Opaque}
 * is immutable and shared freely.
 */
package dev.handoff.rpc.xdr;
