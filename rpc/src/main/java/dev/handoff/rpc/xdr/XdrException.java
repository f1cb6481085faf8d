package dev.handoff.rpc.xdr;

/**
 * Malformed XDR: a truncated item, a length over its limit, a bad boolean or enum. The dispatcher turns it into
 * GARBAGE_ARGS; it never means the server is broken.
 */
public final class XdrException extends RuntimeException {
    public XdrException(String message) {
        super(message, null, false, false);
    }
}
