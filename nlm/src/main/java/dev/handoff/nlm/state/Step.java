package dev.handoff.nlm.state;

import java.util.List;
import java.util.Optional;

/** One file's transition: the record to commit, the answer, the effects and the counter it bumps. */
record Step(FileLocks next, LockStatus status, Optional<RangeLock> holder, List<Effect> effects,
        Transition transition) {
    Step {
        effects = List.copyOf(effects);
    }

    /** An answer that changes nothing. */
    static Step same(FileLocks file, LockStatus status, Transition transition) {
        return new Step(file, status, Optional.empty(), List.of(), transition);
    }
}
