package dev.handoff.nlm.proc;

import dev.handoff.rpc.dispatch.Peer;
import java.net.InetAddress;

/**
 * Who made the request whose effects are being carried out, as far as those effects need it: the addresses a
 * MonitorClient effect watches the client with, and whether to watch at all (NM_LOCK asks not to).
 */
public record Caller(InetAddress client, InetAddress local, boolean monitor) {
    /** Effects of an input no request caused (a timer, a callback's answer): nothing to monitor. */
    public static final Caller INTERNAL = new Caller(null, null, false);

    public static Caller of(Peer peer, boolean monitor) {
        return new Caller(peer.remote().getAddress(), peer.local() == null ? null : peer.local().getAddress(),
                monitor);
    }
}
