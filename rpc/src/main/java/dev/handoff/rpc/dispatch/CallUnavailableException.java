package dev.handoff.rpc.dispatch;

/**
 * Thrown by a handler, or by shared state it uses, when this node cannot execute the call at all now (it lost the
 * cluster's quorum, so its writes are refused). The dispatcher sends no reply, as to a call it never read:
 * SYSTEM_ERR would end the client's operation with an error, while silence makes it retransmit, and the
 * retransmission reaches whichever node serves the address next.
 */
public final class CallUnavailableException extends RuntimeException {
    public CallUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
