package dev.handoff.cluster.address;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Puts a VIP on this node's interface and takes it off again: the edge for the VIP machine's AddAddress,
 * Announce and RemoveAddress effects. Adding an address that is already there, and removing one that is not,
 * succeed: after a crash or a restart the edge cannot know which step last ran.
 */
public interface AddressManager {
    /** A lifetime for {@link #hold} that never ends. */
    Duration FOREVER = Duration.ofSeconds(0xFFFF_FFFFL);

    /** Brings {@code address} up on the interface; a no-op when it is already there. */
    void add(IpPrefix address) throws AddressException;

    /**
     * Brings {@code address} up, or keeps it up, for at most {@code lifetime}: the kernel itself removes it then
     * unless this is called again. Fencing that survives the process: a node killed with its VIP up loses the
     * address within the lifetime, though nothing of it runs to remove it. {@link #FOREVER} holds it for good.
     * Managers that cannot do this add it for good.
     */
    default void hold(IpPrefix address, Duration lifetime) throws AddressException {
        add(address);
    }

    /** Takes {@code address} off the interface; a no-op when it is not there. */
    void remove(IpPrefix address) throws AddressException;

    /** Whether {@code address} is on the interface. */
    boolean isUp(InetAddress address) throws AddressException;

    /**
     * Tells the link that {@code address} now lives here (gratuitous ARP for IPv4, unsolicited neighbour
     * advertisement for IPv6), so neighbours stop sending to the old owner's hardware address.
     */
    SendResult announce(InetAddress address);
}
