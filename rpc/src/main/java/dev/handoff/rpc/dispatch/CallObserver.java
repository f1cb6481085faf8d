package dev.handoff.rpc.dispatch;

import dev.handoff.rpc.message.RpcReply;

/** Sees every answered call; metrics and logs hang off this. Called on worker threads; must not block. */
public interface CallObserver {
    /**
     * @param procedure the table row, or null when the call never reached one (unknown program, bad auth)
     */
    void onCall(Peer peer, int program, int version, Procedure<?, ?> procedure, RpcReply reply, long nanos);

    /** A record that was not answered at all (too short, not a call, dropped retransmission or drain). */
    default void onDropped(Peer peer, String reason) {
    }

    CallObserver NONE = (peer, program, version, procedure, reply, nanos) -> { };
}
