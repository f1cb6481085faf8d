package dev.handoff.nsm.state;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One peer to tell that this server restarted (SM_NOTIFY, XNFS chapter 11): a host that was monitored, that is
 * a client that held locks, and the name it knows us by. A client that mounted two of our addresses gets one
 * notice per address, as its statd matches each mount's server name separately.
 *
 * @param peer    the peer's {@code mon_name} as it was monitored (a host name or an address string)
 * @param address where the peer was seen calling from, or null to resolve {@code peer} when sending
 * @param as      the name we send and the address we send from
 */
public record NotifyTarget(String peer, InetAddress address, ServerName as) {
    public NotifyTarget {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(as, "as");
    }

    /** Two targets with the same key are one notice: names compare as {@link HostNames#normalize} says. */
    Key key() {
        return new Key(HostNames.normalize(peer), as);
    }

    record Key(String peer, ServerName as) {
    }
}
