package dev.handoff.nlm.state;

import java.util.List;
import java.util.Optional;

/**
 * The manager's answer to one input: the status for the reply, the conflicting holder for a denied TEST, and the
 * effects the edge must carry out, in order.
 */
public record Result(LockStatus status, Optional<RangeLock> holder, List<Effect> effects) {
    public Result {
        effects = List.copyOf(effects);
    }
}
