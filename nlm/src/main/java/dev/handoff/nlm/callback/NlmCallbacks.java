package dev.handoff.nlm.callback;

import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.xdr.XdrWriter;

/**
 * Calls from the server to a client's lock manager (XNFS §10): NLM_GRANTED when a blocked lock has been granted,
 * and the _RES answers to _MSG calls. Both are sent asynchronously; neither method blocks nor throws.
 */
public interface NlmCallbacks {

    /** What became of a GRANTED callback. Called once, on any thread. */
    interface GrantOutcome {
        /** The client's reply, whatever its status. */
        void answered(NlmResult result);

        /** No usable answer after every retry, or the outbound queue was full. */
        void unreachable(String why);
    }

    /** Sends NLM_GRANTED with {@code args}, retrying with back-off while the client does not answer. */
    void granted(CallbackTarget to, TestArgs args, GrantOutcome outcome);

    /** Sends one _RES call (a one-way message: its reply carries nothing). Failures are logged, not retried. */
    <T> void result(CallbackTarget to, int procedure, XdrWriter<T> writer, T value);
}
