package dev.handoff.nlm.proc;

import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.xdr.CancelArgs;
import dev.handoff.nlm.xdr.LockArgs;
import dev.handoff.nlm.xdr.NlmProcedures;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmResultsCodec;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.nlm.xdr.TestResult;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.xdr.Opaque;

/**
 * The asynchronous NLM procedures (XNFS §10, "the _MSG procedures"): a _MSG call runs its synchronous twin, is
 * answered with void at once, and the result travels back as a call of the matching _RES procedure to the
 * caller's lock manager (found through its rpcbind), sent from the address the _MSG reached. _RES calls arriving
 * here answer callbacks of ours: only GRANTED_RES matters (an error releases the granted lock).
 */
public final class NlmMessages {
    private final NlmHandlers sync;
    private final NlmCallbacks callbacks;
    private final NlmResultsCodec codec;

    public NlmMessages(NlmHandlers sync, NlmCallbacks callbacks) {
        this.sync = sync;
        this.callbacks = callbacks;
        this.codec = NlmResultsCodec.forVersion(sync.version());
    }

    public Void testMsg(CallContext call, TestArgs a) {
        TestResult r = sync.test(call, a);
        callbacks.result(back(call), NlmProcedures.TEST_RES, codec::writeTestResult, r);
        return null;
    }

    public Void lockMsg(CallContext call, LockArgs a) {
        send(call, NlmProcedures.LOCK_RES, sync.lock(call, a));
        return null;
    }

    public Void cancelMsg(CallContext call, CancelArgs a) {
        send(call, NlmProcedures.CANCEL_RES, sync.cancel(call, a));
        return null;
    }

    public Void unlockMsg(CallContext call, UnlockArgs a) {
        send(call, NlmProcedures.UNLOCK_RES, sync.unlock(call, a));
        return null;
    }

    public Void grantedMsg(CallContext call, TestArgs a) {
        send(call, NlmProcedures.GRANTED_RES, sync.granted(call, a));
        return null;
    }

    /** GRANTED_RES: the client's answer to a GRANTED_MSG of ours. */
    public Void grantedRes(CallContext call, NlmResult r) {
        sync.service().grantAnswered(r.cookie(), r.status());
        return null;
    }

    /** TEST_RES, LOCK_RES, CANCEL_RES, UNLOCK_RES: we send no _MSG calls, so there is nothing to match. */
    public Void ignoredRes(CallContext call, Object result) {
        return null;
    }

    private void send(CallContext call, int procedure, NlmResult r) {
        callbacks.result(back(call), procedure, codec::writeResult, r);
    }

    private CallbackTarget back(CallContext call) {
        return sync.target(call, Opaque.EMPTY);
    }
}
