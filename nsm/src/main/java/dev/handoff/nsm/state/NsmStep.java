package dev.handoff.nsm.state;

import dev.handoff.nsm.xdr.SmRes;
import java.util.List;
import java.util.Objects;

/**
 * One transition: the state to commit, the answer ({@code result} and the state number the caller is told),
 * the effects to carry out in order, and the counter it bumps.
 */
public record NsmStep(NsmState next, SmRes result, List<NsmEffect> effects, NsmEvent event) {
    public NsmStep {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(event, "event");
        effects = List.copyOf(effects);
    }

    /** The state number the answer carries: the monitor's own, after the transition. */
    public int state() {
        return next.number();
    }

    /** Whether some effect must succeed for the transition to count ({@link NsmEffect.Persist#required()}). */
    public boolean requiresPersist() {
        return effects.stream().anyMatch(e -> e instanceof NsmEffect.Persist p && p.required());
    }
}
