package dev.handoff.rpc.dispatch;

import java.net.InetSocketAddress;

/** Where a call came from and which of our addresses it reached. */
public record Peer(Transport transport, InetSocketAddress local, InetSocketAddress remote) {
}
