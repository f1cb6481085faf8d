package dev.handoff.cluster.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Objects;

/**
 * Sends tickle ACKs ({@link TickleSegment}) to the recorded clients of a VIP this node just took over after a
 * crash, so that each client resets its dead connection at once instead of after 60-180 s (DESIGN.md §5).
 * Runs after the address is up here: the client's answer must reach this node's TCP to draw the reset.
 *
 * <p>Uses a raw socket that takes the IP header from the caller (IPPROTO_RAW), because the segment's source is
 * the VIP and a port no local socket owns. Needs CAP_NET_RAW; without it nothing is sent and the result says
 * so, and clients fall back to their own timeouts.
 */
public final class TickleSender {

    /** A client connection recorded for a VIP: the VIP's address and port, and the client's. */
    public record Connection(InetSocketAddress server, InetSocketAddress client) {
        public Connection {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(client, "client");
            if (server.isUnresolved() || client.isUnresolved()) {
                throw new IllegalArgumentException("connections are recorded by address, not name");
            }
        }
    }

    private final int repeat;

    /** @param repeat tickles per connection, sent back to back (a lost one is not retried otherwise) */
    public TickleSender(int repeat) {
        if (repeat < 1 || repeat > 10) {
            throw new IllegalArgumentException("repeat must be 1..10");
        }
        this.repeat = repeat;
    }

    /** Tickles every connection; one failing does not stop the others. */
    /** Links the raw-socket calls announcements and tickles use, ahead of the first move (see RawSocket). */
    public static void warmUp() {
        RawSocket.warmUp();
    }

    public SendResult send(Collection<Connection> connections) {
        if (connections.isEmpty()) {
            return new SendResult.Sent(0);
        }
        RawSocket v4 = null;
        RawSocket v6 = null;
        int sent = 0;
        String firstError = null;
        try {
            for (Connection c : connections) {
                boolean ipv4 = c.server().getAddress() instanceof Inet4Address;
                try {
                    RawSocket s = ipv4 ? (v4 != null ? v4 : (v4 = open(RawSocket.AF_INET)))
                            : (v6 != null ? v6 : (v6 = open(RawSocket.AF_INET6)));
                    byte[] segment = TickleSegment.ack(c.server(), c.client());
                    byte[] to = ipv4 ? SockAddr.inet4((Inet4Address) c.client().getAddress(), 0)
                            : SockAddr.inet6((Inet6Address) c.client().getAddress(), 0);
                    for (int i = 0; i < repeat; i++) {
                        s.sendTo(segment, to);
                        sent++;
                    }
                } catch (RawSocket.NativeError e) {
                    if (e.notPermitted()) {
                        return new SendResult.Skipped("tickle ACKs need CAP_NET_RAW: " + Announcer.GRANT_NET_RAW
                                + "; clients of the crashed owner will wait out their own timeouts");
                    }
                    if (firstError == null) {
                        firstError = "tickle " + c.client() + " from " + c.server() + ": " + e.getMessage();
                    }
                } catch (IllegalArgumentException e) {
                    if (firstError == null) {
                        firstError = e.getMessage();
                    }
                }
            }
        } finally {
            if (v4 != null) {
                v4.close();
            }
            if (v6 != null) {
                v6.close();
            }
        }
        return firstError == null ? new SendResult.Sent(sent)
                : new SendResult.Failed(firstError + " (" + sent + " segments sent)");
    }

    private static RawSocket open(int family) throws RawSocket.NativeError {
        return RawSocket.open(family, RawSocket.SOCK_RAW, RawSocket.IPPROTO_RAW);
    }
}
