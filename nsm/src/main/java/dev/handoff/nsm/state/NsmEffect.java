package dev.handoff.nsm.state;

import dev.handoff.nsm.xdr.MyId;
import dev.handoff.rpc.xdr.Opaque;
import java.util.List;

/**
 * What the status monitor asks its edge to do, in order: the monitor itself writes nothing and sends nothing.
 * {@link Persist} always comes first, so that a state number is on disk before anyone hears of it.
 */
public sealed interface NsmEffect {

    /**
     * Save {@code snapshot}. When {@code required}, the transition must not take effect unless the save
     * succeeds (a new state number, a new monitor: losing either after answering would leave a client holding
     * locks that nobody tells it it lost); otherwise a failed save only leaves the file behind until the next.
     */
    record Persist(NsmSnapshot snapshot, boolean required) implements NsmEffect {
    }

    /** Tell each target that this server now has state number {@code state} (SM_NOTIFY), each on its own. */
    record NotifyPeers(List<NotifyTarget> targets, int state) implements NsmEffect {
        public NotifyPeers {
            targets = List.copyOf(targets);
        }
    }

    /**
     * The status callback to the watcher {@code to} (statd calls {@code my_prog/my_vers/my_proc}; here the lock
     * manager is in-process and listens instead): host {@code monName}, as the watcher named it in SM_MON, now
     * has {@code state}; {@code priv} is what the watcher gave in SM_MON.
     */
    record DeliverStatusChange(MyId to, String monName, int state, Opaque priv) implements NsmEffect {
    }
}
