package dev.handoff.rpc.message;

import dev.handoff.rpc.xdr.XdrWriter;

/**
 * What the server answers to one call (RFC 5531 §9 reply_body), or that it answers nothing. Encoded by
 * {@link RpcMessageCodec#encodeReply}.
 */
public sealed interface RpcReply {

    /** MSG_ACCEPTED / SUCCESS with the procedure's result. */
    record Success<R>(R result, XdrWriter<R> writer) implements RpcReply {
    }

    /** MSG_ACCEPTED / PROG_UNAVAIL: no such program here. */
    record ProgUnavail() implements RpcReply {
    }

    /** MSG_ACCEPTED / PROG_MISMATCH with the lowest and highest version served. */
    record ProgMismatch(int low, int high) implements RpcReply {
    }

    /** MSG_ACCEPTED / PROC_UNAVAIL: the version has no such procedure. */
    record ProcUnavail() implements RpcReply {
    }

    /** MSG_ACCEPTED / GARBAGE_ARGS: the arguments did not decode. */
    record GarbageArgs() implements RpcReply {
    }

    /** MSG_ACCEPTED / SYSTEM_ERR: the server failed, not the caller. */
    record SystemErr() implements RpcReply {
    }

    /** MSG_DENIED / RPC_MISMATCH: only RPC version 2 is spoken. */
    record RpcMismatch(int low, int high) implements RpcReply {
    }

    /** MSG_DENIED / AUTH_ERROR. */
    record AuthError(AuthStat stat) implements RpcReply {
    }

    /**
     * Send nothing: a retransmission of a call still being executed, or a call that arrived while its
     * connection was being drained.
     */
    record Drop(String reason) implements RpcReply {
    }
}
