package dev.handoff.nlm.proc;

import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.xdr.XdrWriter;
import java.util.ArrayList;
import java.util.List;

/** Records callbacks instead of sending them; the test answers GRANTED through the kept outcome. */
final class FakeCallbacks implements NlmCallbacks {
    record Grant(CallbackTarget to, TestArgs args, GrantOutcome outcome) {
    }

    record Res(CallbackTarget to, int procedure, Object value) {
    }

    final List<Grant> grants = new ArrayList<>();
    final List<Res> results = new ArrayList<>();

    @Override
    public synchronized void granted(CallbackTarget to, TestArgs args, GrantOutcome outcome) {
        grants.add(new Grant(to, args, outcome));
    }

    @Override
    public synchronized <T> void result(CallbackTarget to, int procedure, XdrWriter<T> writer, T value) {
        results.add(new Res(to, procedure, value));
    }
}
