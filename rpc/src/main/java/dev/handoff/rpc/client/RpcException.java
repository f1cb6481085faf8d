package dev.handoff.rpc.client;

import dev.handoff.rpc.message.RpcReply;

/**
 * The server answered, but not with SUCCESS (RFC 5531 §9): PROG_UNAVAIL, PROG_MISMATCH, PROC_UNAVAIL,
 * GARBAGE_ARGS, SYSTEM_ERR, or a denied call (RPC_MISMATCH, AUTH_ERROR). {@link #reply()} says which.
 */
public final class RpcException extends Exception {
    private final transient RpcReply reply;

    public RpcException(String call, RpcReply reply) {
        super(call + ": " + reply);
        if (reply instanceof RpcReply.Success<?> || reply instanceof RpcReply.Drop) {
            throw new IllegalArgumentException("not a failure: " + reply);
        }
        this.reply = reply;
    }

    public RpcReply reply() {
        return reply;
    }
}
