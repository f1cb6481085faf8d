package dev.handoff.nsm.state;

import dev.handoff.nsm.xdr.MonId;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the monitor list (SM_MON, XNFS chapter 11): watch {@code id.monName()} for {@code id.myId()}, and
 * hand {@code priv} back when it reports a restart.
 *
 * @param address   where the monitored host was last seen calling from, or null (it is then resolved by name
 *                  when we must notify it of our own restart)
 * @param knownAs   the names the monitored host knows this server by, oldest first, never empty: on our
 *                  restart it is notified once under each
 * @param peerState the host's last reported state number, 0 while unknown; a notice with the same number is a
 *                  retransmission and is not delivered again
 * @param since     when the entry was first made
 */
public record Monitor(MonId id, Opaque priv, InetAddress address, List<ServerName> knownAs, int peerState,
                      Instant since) {
    public Monitor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priv, "priv");
        Objects.requireNonNull(since, "since");
        knownAs = List.copyOf(knownAs);
        if (knownAs.isEmpty()) {
            throw new IllegalArgumentException("a monitor needs the name its host knows us by");
        }
    }

    public String monName() {
        return id.monName();
    }

    /** The notices our restart owes this host. */
    List<NotifyTarget> targets() {
        return knownAs.stream().map(name -> new NotifyTarget(id.monName(), address, name)).toList();
    }

    Monitor withPeerState(int state) {
        return new Monitor(id, priv, address, knownAs, state, since);
    }
}
