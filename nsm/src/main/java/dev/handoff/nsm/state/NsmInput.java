package dev.handoff.nsm.state;

import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Everything that can happen to the status monitor (XNFS chapter 11). The NSM procedures map onto these one to
 * one, except that SM_MON from the in-process lock manager also says where the client was seen and which of our
 * names it used; {@link Boot}, {@link Notified} and {@link GaveUp} come from this server's own life.
 */
public sealed interface NsmInput {

    /** This server (re)started: take the next state number and owe every monitored host a notice. */
    record Boot() implements NsmInput {
    }

    /** SM_STAT: would the monitor watch {@code monName}; and its state number. */
    record Stat(String monName) implements NsmInput {
    }

    /**
     * SM_MON, from the local lock manager when a client first takes a lock.
     *
     * @param address where the client calls from, or null
     * @param knownAs the name the client knows this server by (the address it mounted)
     */
    record AddMonitor(Mon mon, InetAddress address, ServerName knownAs) implements NsmInput {
        public AddMonitor {
            Objects.requireNonNull(mon, "mon");
            Objects.requireNonNull(knownAs, "knownAs");
        }
    }

    /** SM_UNMON: stop one watch. */
    record RemoveMonitor(MonId monId) implements NsmInput {
    }

    /** SM_UNMON_ALL: stop every watch of one caller. */
    record RemoveAll(MyId myId) implements NsmInput {
    }

    /** SM_SIMU_CRASH: act as if this server had restarted. */
    record SimulateCrash() implements NsmInput {
    }

    /**
     * SM_NOTIFY from a peer: host {@code monName} restarted and now has {@code state}.
     *
     * @param caller the address the notice came from, or null
     */
    record PeerRebooted(String monName, int state, InetAddress caller) implements NsmInput {
        public PeerRebooted {
            Objects.requireNonNull(monName, "monName");
        }
    }

    /** The peer's statd acknowledged our notice of restart number {@code state}. */
    record Notified(NotifyTarget target, int state) implements NsmInput {
    }

    /** Our notice of restart {@code state} did not reach the peer in the time allowed. */
    record GaveUp(NotifyTarget target, int state) implements NsmInput {
    }
}
