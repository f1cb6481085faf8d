package dev.handoff.nsm.notify;

import dev.handoff.nsm.state.NotifyTarget;
import java.util.List;

/**
 * Where the status monitor sends its restart notices. A single server sends them itself ({@link Notifier}); a
 * cluster member hands them to whichever node holds the address each notice must leave from (the VIP the client
 * locked through), since only that node can send from it and receive the answer.
 */
public interface PeerNotifier {

    /** Starts telling each of {@code targets} that our state number is now {@code state}. */
    void notify(List<NotifyTarget> targets, int state, Notifier.Outcome outcome);
}
