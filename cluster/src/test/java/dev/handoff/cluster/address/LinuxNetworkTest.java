package dev.handoff.cluster.address;

import static dev.handoff.cluster.address.NetnsFixture.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The address manager, the announcements and the tickle sender against the real kernel, on a private bridge
 * with two network namespaces ({@link NetnsFixture}); skipped without root. The bridge plays the node that
 * takes the VIP over, namespace {@code b} the old owner, namespace {@code a} the client.
 */
class LinuxNetworkTest {
    private static NetnsFixture net;
    private static LinuxAddressManager manager;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(NetnsFixture.available(), "needs root and iproute2");
        net = new NetnsFixture();
        manager = new LinuxAddressManager(net.bridge, NetnsFixture.RUN, new Announcer(2, Duration.ofMillis(50)));
    }

    @AfterAll
    static void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void addRemoveAndIsUpAreIdempotentForBothFamilies() throws Exception {
        for (IpPrefix vip : List.of(IpPrefix.parse(net.v4(50)), IpPrefix.parse(net.v6(0x50)))) {
            assertThat(manager.isUp(vip.address())).isFalse();
            manager.add(vip);
            manager.add(vip);
            assertThat(manager.isUp(vip.address())).isTrue();
            manager.remove(vip);
            manager.remove(vip);
            assertThat(manager.isUp(vip.address())).isFalse();
        }
    }

    /**
     * What the VIP controller's kernel lifetimes count on: an address held for a second is gone by a second plus
     * {@link LinuxAddressManager#EXPIRY_LATENESS}, even with nothing of this process running to remove it.
     */
    @Test
    void theKernelDropsAHeldAddressWithinItsLifetimeAndTheLateness() throws Exception {
        List<IpPrefix> vips = List.of(IpPrefix.parse(net.v4(52)), IpPrefix.parse(net.v6(0x52)));
        long start = System.nanoTime();
        for (IpPrefix vip : vips) {
            manager.hold(vip, Duration.ofSeconds(1));
        }
        Duration bound = Duration.ofSeconds(1).plus(LinuxAddressManager.EXPIRY_LATENESS);
        for (IpPrefix vip : vips) {
            while (manager.isUp(vip.address()) && System.nanoTime() - start < bound.toNanos() * 2) {
                Thread.sleep(20);
            }
            Duration gone = Duration.ofNanos(System.nanoTime() - start);
            assertThat(manager.isUp(vip.address())).as("%s still up after %s", vip, gone).isFalse();
            assertThat(gone).as("%s gone after", vip).isBetween(Duration.ofMillis(900), bound);
        }
    }

    @Test
    void anAddressHeldForeverStays() throws Exception {
        IpPrefix vip = IpPrefix.parse(net.v4(53));
        manager.hold(vip, Duration.ofSeconds(1));
        manager.hold(vip, AddressManager.FOREVER);
        Thread.sleep(2500);
        assertThat(manager.isUp(vip.address())).isTrue();
        manager.remove(vip);
    }

    @Test
    void aMissingInterfaceIsReported() {
        LinuxAddressManager m = new LinuxAddressManager(net.bridge + "x", NetnsFixture.RUN,
                new Announcer(1, Duration.ZERO));
        assertThatThrownBy(() -> m.add(IpPrefix.parse(net.v4(51))))
                .isInstanceOf(AddressException.class).hasMessageContaining("no interface named");
    }

    @Test
    void gratuitousArpRepointsTheClientsNeighbourEntry() throws Exception {
        String vip = net.v4(100);
        moveFromOldOwner(vip + "/24", false);
        assertThat(neighbour(vip)).contains("lladdr").doesNotContain(net.mac(net.bridge));

        assertThat(manager.announce(InetAddress.getByName(vip))).isEqualTo(new SendResult.Sent(2));

        assertThat(neighbour(vip)).contains("lladdr " + net.mac(net.bridge));
        manager.remove(IpPrefix.parse(vip + "/24"));
    }

    @Test
    void unsolicitedNeighbourAdvertRepointsTheClientsIpv6Entry() throws Exception {
        String vip = net.v6(0x100);
        moveFromOldOwner(vip + "/64", true);
        assertThat(neighbour(vip)).contains("lladdr").doesNotContain(net.mac(net.bridge));

        assertThat(manager.announce(InetAddress.getByName(vip))).isEqualTo(new SendResult.Sent(2));

        assertThat(neighbour(vip)).contains("lladdr " + net.mac(net.bridge));
        manager.remove(IpPrefix.parse(vip + "/64"));
    }

    /**
     * A client blocked reading from a crashed owner: without a tickle it would wait (no keepalive, nothing to
     * retransmit) until its own timeouts; with one from the new owner it sees a reset within a second.
     */
    @Test
    void tickleMakesTheClientOfACrashedOwnerSeeAResetAtOnce() throws Exception {
        String vip = net.v4(101);
        sh("ip", "-n", net.b, "addr", "add", vip + "/24", "dev", "eth0");
        Process server = net.python(net.b, """
                import socket, sys, time
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((sys.argv[1], 7049)); s.listen(); print("listening", flush=True)
                c, _ = s.accept(); print("accepted", flush=True); time.sleep(600)
                """, vip);
        BufferedReader serverOut = reader(server);
        assertThat(serverOut.readLine()).isEqualTo("listening");
        Process client = net.python(net.a, """
                import socket, sys
                s = socket.create_connection((sys.argv[1], 7049), timeout=5); s.settimeout(None)
                print(s.getsockname()[1], flush=True)
                try:
                    print("eof" if not s.recv(1) else "data", flush=True)
                except OSError as e:
                    print("error", e.errno, flush=True)
                """, vip);
        BufferedReader clientOut = reader(client);
        int clientPort = Integer.parseInt(clientOut.readLine());
        assertThat(serverOut.readLine()).isEqualTo("accepted");

        // The old owner dies without a word: its link goes first, so not even a FIN leaves it.
        sh("ip", "-n", net.b, "link", "set", "eth0", "down");
        server.destroyForcibly().waitFor();
        manager.add(IpPrefix.parse(vip + "/24"));
        assertThat(manager.announce(InetAddress.getByName(vip))).isInstanceOf(SendResult.Sent.class);
        CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> line(clientOut));
        assertThatThrownBy(() -> outcome.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        long start = System.nanoTime();
        SendResult sent = new TickleSender(1).send(List.of(new TickleSender.Connection(
                new InetSocketAddress(vip, 7049), new InetSocketAddress(net.v4(2), clientPort))));
        String result = outcome.get(5, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(sent).isEqualTo(new SendResult.Sent(1));
        assertThat(result).isEqualTo("error 104"); // ECONNRESET
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        manager.remove(IpPrefix.parse(vip + "/24"));
    }

    @Test
    void withoutNetRawTicklesAndAnnouncementsAreSkippedAndSaySo() throws Exception {
        SendResult tickle = WithoutCapability.run(WithoutCapability.CAP_NET_RAW, () -> new TickleSender(1).send(
                List.of(new TickleSender.Connection(new InetSocketAddress(net.v4(102), 2049),
                        new InetSocketAddress(net.v4(2), 1000)))));
        SendResult arp = WithoutCapability.run(WithoutCapability.CAP_NET_RAW,
                () -> manager.announce(address(net.v4(102))));
        SendResult na = WithoutCapability.run(WithoutCapability.CAP_NET_RAW,
                () -> manager.announce(address(net.v6(0x102))));

        for (SendResult r : List.of(tickle, arp, na)) {
            assertThat(r).isInstanceOfSatisfying(SendResult.Skipped.class,
                    s -> assertThat(s.reason()).contains("CAP_NET_RAW"));
        }
    }

    private static InetAddress address(String literal) {
        return IpPrefix.parse(literal).address();
    }

    /** The VIP on the old owner {@code b}, known to the client {@code a}, then gone from {@code b}, up here. */
    private static void moveFromOldOwner(String vip, boolean ipv6) throws Exception {
        String address = vip.substring(0, vip.indexOf('/'));
        List<String> add = new ArrayList<>(List.of("ip", "-n", net.b, "addr", "add", vip, "dev", "eth0"));
        if (ipv6) {
            add.add("nodad");
        }
        sh(add.toArray(String[]::new));
        // A connect to a closed port resolves the neighbour and returns on the old owner's reset.
        sh("ip", "netns", "exec", net.a, "python3", "-c", """
                import socket, sys
                try:
                    socket.create_connection((sys.argv[1], 9), timeout=2)
                except OSError:
                    pass
                """, address);
        sh("ip", "-n", net.b, "addr", "del", vip, "dev", "eth0");
        manager.add(IpPrefix.parse(vip));
    }

    private static String neighbour(String address) throws Exception {
        return sh("ip", "-n", net.a, "neigh", "show", address, "dev", "eth0");
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String line(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
