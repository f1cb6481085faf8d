package dev.handoff.rpc.message;

import dev.handoff.rpc.xdr.Opaque;

/**
 * The fixed part of an RPC call (RFC 5531 §9 call_body), decoded before the procedure's arguments.
 *
 * @param verifierFlavor flavor of the caller's verifier; its body is ignored (AUTH_NONE and AUTH_SYS carry none)
 */
public record CallHeader(int xid, int rpcVersion, int program, int version, int procedure,
                         Credential credential, int verifierFlavor, Opaque verifierBody) {
}
