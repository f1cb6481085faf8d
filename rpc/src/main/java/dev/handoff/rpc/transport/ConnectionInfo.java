package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;

/** A live client connection, as the operator and the failover logic see it. */
public record ConnectionInfo(Transport transport, InetSocketAddress local, InetSocketAddress remote, int inFlight,
                             boolean quiescing, Duration age) {
}
