package dev.handoff.it.netns;

import java.io.IOException;
import java.util.List;

/**
 * An Ethernet segment for several {@link NetworkNamespace}s: a Linux bridge inside a namespace of its own (the
 * "hub"), so that nothing is added to the machine's own interfaces and a test's addresses cannot clash with
 * another test's. Each attached namespace gets one end of a veth pair, named {@link #INTERFACE} inside it.
 *
 * <pre>
 *   [node-1 eth0] ---veth--- [hub: br0] ---veth--- [node-2 eth0]
 *                               |
 *                             veth--- [client eth0]
 * </pre>
 */
public final class Bridge implements AutoCloseable {
    /** The name of the attached end inside every member namespace. */
    public static final String INTERFACE = "eth0";
    private static final String BRIDGE = "br0";

    private final NetworkNamespace hub;
    private int attached;

    private Bridge(NetworkNamespace hub) {
        this.hub = hub;
    }

    public static Bridge create(String prefix) throws IOException, InterruptedException {
        NetworkNamespace hub = NetworkNamespace.create(prefix);
        try {
            hub.exec("ip", "link", "add", BRIDGE, "type", "bridge");
            hub.exec("ip", "link", "set", BRIDGE, "up");
        } catch (IOException | InterruptedException e) {
            hub.close();
            throw e;
        }
        return new Bridge(hub);
    }

    /**
     * Plugs {@code ns} into the bridge with {@code cidr} (e.g. {@code 10.55.0.1/24}) on its {@link #INTERFACE}.
     */
    public void attach(NetworkNamespace ns, String cidr) throws IOException, InterruptedException {
        String hubEnd = "p" + attached;
        NetworkNamespace.run(List.of("ip", "-n", hub.name(), "link", "add", hubEnd, "type", "veth", "peer", "name",
                INTERFACE, "netns", ns.name()));
        hub.exec("ip", "link", "set", hubEnd, "master", BRIDGE, "up");
        ns.exec("ip", "addr", "add", cidr, "dev", INTERFACE);
        ns.exec("ip", "link", "set", INTERFACE, "up");
        attached++;
    }

    /** Takes {@code ns}'s link down or up: a machine that went dark answers neither ARP nor TCP. */
    public static void link(NetworkNamespace ns, boolean up) throws IOException, InterruptedException {
        ns.exec("ip", "link", "set", INTERFACE, up ? "up" : "down");
    }

    /** Whether {@code ns} holds {@code address} on its {@link #INTERFACE}. */
    public static boolean holds(NetworkNamespace ns, String address) throws IOException, InterruptedException {
        String out = ns.exec("ip", "-o", "-4", "addr", "show", "dev", INTERFACE);
        return out.contains(" " + address + "/");
    }

    /** Removes the hub, and with it the bridge and the hub's ends of the veth pairs. */
    @Override
    public void close() throws IOException, InterruptedException {
        hub.close();
    }
}
