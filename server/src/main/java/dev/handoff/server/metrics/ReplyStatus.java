package dev.handoff.server.metrics;

import dev.handoff.rpc.message.RpcReply;

/** The {@code status} label of an answered call: RFC 5531 §9's accept_stat or reject_stat, in snake case. */
final class ReplyStatus {
    private ReplyStatus() {
    }

    static String of(RpcReply reply) {
        return switch (reply) {
            case RpcReply.Success<?> s -> "success";
            case RpcReply.ProgUnavail p -> "prog_unavail";
            case RpcReply.ProgMismatch p -> "prog_mismatch";
            case RpcReply.ProcUnavail p -> "proc_unavail";
            case RpcReply.GarbageArgs g -> "garbage_args";
            case RpcReply.SystemErr e -> "system_err";
            case RpcReply.RpcMismatch m -> "rpc_mismatch";
            case RpcReply.AuthError a -> "auth_error";
            case RpcReply.Drop d -> "dropped";
        };
    }

    /** True for replies that refuse the call itself, before or instead of running a procedure. */
    static boolean isRejection(RpcReply reply) {
        return switch (reply) {
            case RpcReply.ProgUnavail p -> true;
            case RpcReply.ProgMismatch p -> true;
            case RpcReply.ProcUnavail p -> true;
            case RpcReply.GarbageArgs g -> true;
            case RpcReply.RpcMismatch m -> true;
            case RpcReply.AuthError a -> true;
            case RpcReply.Success<?> s -> false;
            case RpcReply.SystemErr e -> false;
            case RpcReply.Drop d -> false;
        };
    }

    /**
     * A bounded label for why a record went unanswered. The reasons the RPC layer gives are sentences with
     * numbers in them (an xid, a length); used as labels they would make a new series per record.
     */
    static String dropReason(String reason) {
        if (reason.contains("retransmission")) {
            return "retransmission_in_progress";
        }
        if (reason.contains("draining")) {
            return "draining";
        }
        if (reason.contains("too short")) {
            return "too_short";
        }
        if (reason.contains("not CALL")) {
            return "not_a_call";
        }
        if (reason.startsWith("connection limit")) {
            return "connection_limit";
        }
        if (reason.startsWith("record too large")) {
            return "record_too_large";
        }
        return "other";
    }
}
