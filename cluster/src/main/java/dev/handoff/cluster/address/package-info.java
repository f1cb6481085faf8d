/**
 * The edges that carry out the VIP machine's address effects ({@link dev.handoff.cluster.vip.VipEffect}
 * AddAddress, Announce, RemoveAddress and SendTickles; DESIGN.md §5 and the failover issue's "address managers"
 * and "crash takeover").
 *
 * <ul>
 *   <li>{@link dev.handoff.cluster.address.LinuxAddressManager} adds and removes the address with iproute2's
 *       {@code ip} command (needs CAP_NET_ADMIN) and announces it with a gratuitous ARP (RFC 5227 §3, an ARP
 *       request for the address itself) or an unsolicited neighbour advertisement (RFC 4861 §7.2.6), sent
 *       through raw sockets (needs CAP_NET_RAW);</li>
 *   <li>{@link dev.handoff.cluster.address.ManualAddressManager} does nothing, for environments where something
 *       else moves the address;</li>
 *   <li>{@link dev.handoff.cluster.address.TickleSender} sends tickle ACKs (RFC 9293 §3.10.7.4) so that
 *       clients of a crashed owner reset their connections at once.</li>
 * </ul>
 *
 * <p>Packet layouts are built by pure classes ({@link dev.handoff.cluster.address.ArpFrame},
 * {@link dev.handoff.cluster.address.NeighbourAdvert}, {@link dev.handoff.cluster.address.TickleSegment}) and
 * sent by {@link dev.handoff.cluster.address.RawSocket}, the only class that calls the C library (Java FFM).
 *
 * <p>Threads: the managers are stateless apart from their configuration and may be called from any thread;
 * the VIP edge calls them from its event loop, in effect order.
 */
package dev.handoff.cluster.address;
