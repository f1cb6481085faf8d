package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.membership.ClusterConfig;
import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.membership.Discovery;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipConfig;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three {@link ClusterMode} nodes and a witness in one JVM: real Hazelcast members on 127.0.0.1, each node with
 * its own RPC server whose listener for the VIP 127.0.0.88 is bound on a port of its own, and a recording
 * address manager in place of the interface. The tests run in order on one cluster, each starting from where
 * the VIP is now: claim, refused moves, a move, a drain, then the owner's crash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeTest {
    private static final VipId VIP = new VipId("vip-88");
    private static final InetAddress VIP_ADDRESS = InetAddress.ofLiteral("127.0.0.88");
    private static final Duration LEASE = Duration.ofMillis(1500);
    private static final Duration MARGIN = Duration.ofMillis(500);
    private static final Duration RENEW_EVERY = Duration.ofMillis(500);
    private static final Duration FORM = Duration.ofSeconds(20);
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** One node as the test sees it: the cluster side, its RPC server, its interface and what it reported. */
    private record Node(String name, ClusterMode mode, RpcServer rpc, RecordingAddressManager addresses,
                        List<HandoffReport> reports, int port) {
        NodeId id() {
            return new NodeId(name);
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private ClusterNode witness;
    /** Moments at which two nodes held the address at once: what fencing exists to prevent. */
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private volatile boolean sampling = true;
    private Thread sampler;

    @BeforeAll
    void startCluster() throws Exception {
        String clusterName = "handoff-test-" + UUID.randomUUID();
        List<Integer> hzPorts = FreePorts.on(InetAddress.getLoopbackAddress(), 4);
        List<Integer> rpcPorts = FreePorts.on(VIP_ADDRESS, 3);
        Discovery discovery = new Discovery.TcpIp(hzPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        VipConfig timing = new VipConfig(LEASE, MARGIN, RENEW_EVERY, Duration.ofMillis(1000),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Map.of());
        // Joining waits for a majority, so the members start side by side, each on a thread of its own.
        ExecutorService starter = Executors.newFixedThreadPool(4);
        List<CompletableFuture<ClusterMode>> joining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClusterConfig cc = ClusterConfig.of(new NodeId(NAMES.get(i)), "127.0.0.1", hzPorts.get(i), discovery, 3)
                    .withClusterName(clusterName).withJoinWait(Duration.ofSeconds(1));
            ClusterSettings settings = new ClusterSettings(cc, Map.of(VIP, IpPrefix.host(VIP_ADDRESS)), timing,
                    HandoffOrder.TICKLE, Duration.ofMillis(500));
            joining.add(CompletableFuture.supplyAsync(() -> ClusterMode.join(settings), starter));
        }
        CompletableFuture<ClusterNode> witnessJoining = CompletableFuture.supplyAsync(() -> ClusterMode.witness(
                ClusterConfig.of(new NodeId("w"), "127.0.0.1", hzPorts.get(3), discovery, 3)
                        .withClusterName(clusterName).withJoinWait(Duration.ofSeconds(1))), starter);
        for (int i = 0; i < 3; i++) {
            ClusterMode mode = joining.get(i).join();
            RpcServer rpc = new RpcServer(new SlowProgram().dispatcher(), RpcServerConfig.of(List.of(rpcPorts.get(i)))
                    .withWorkerThreads(2), CallObserver.NONE);
            List<HandoffReport> reports = new CopyOnWriteArrayList<>();
            mode.onReport(reports::add);
            nodes.add(new Node(NAMES.get(i), mode, rpc, new RecordingAddressManager(), reports, rpcPorts.get(i)));
        }
        witness = witnessJoining.join();
        starter.shutdown();
        Await.until("four members", FORM, () -> nodes.stream()
                .allMatch(n -> n.mode().status().members().size() == 4 && n.mode().status().quorum()));
        sampler = Thread.ofPlatform().daemon().name("address-sampler").start(this::sampleAddresses);
        for (Node n : nodes) {
            n.mode().startVips(n.rpc(), n.addresses(), () -> 0, () -> false);
        }
    }

    private void sampleAddresses() {
        while (sampling) {
            List<String> up = nodes.stream().filter(n -> n.addresses().isUp(VIP_ADDRESS)).map(Node::name).toList();
            if (up.size() > 1) {
                overlaps.add(System.nanoTime() / 1_000_000 + " ms: " + up);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    @AfterEach
    void neverTwoHoldersAtOnce() {
        assertThat(overlaps).as("times the address was up on two nodes").isEmpty();
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        sampling = false;
        if (sampler != null) {
            sampler.join();
        }
        for (Node n : nodes) {
            n.mode().hazelcast().getLifecycleService().terminate();
            n.mode().close();
            n.rpc().close();
        }
        if (witness != null) {
            witness.hazelcast().getLifecycleService().terminate();
        }
    }

    private Node owner() {
        return Await.until("a node serving " + VIP, Duration.ofSeconds(10), this::servingNode);
    }

    /** The node whose own status says it serves the VIP, when every live node's status agrees on the row. */
    private Optional<Node> servingNode() {
        List<Node> live = nodes.stream().filter(n -> n.mode().hazelcast().getLifecycleService().isRunning())
                .toList();
        List<ClusterStatus.Vip> rows = live.stream().map(n -> n.mode().status().vips().getFirst()).toList();
        ClusterStatus.Vip first = rows.getFirst();
        boolean agreed = rows.stream().allMatch(r -> r.owner().equals(first.owner()) && r.epoch() == first.epoch()
                && r.state().equals("SERVING"));
        if (!agreed) {
            return Optional.empty();
        }
        return live.stream().filter(n -> n.name().equals(first.owner())
                && n.mode().status().vips().getFirst().phase().equals("serving")).findFirst();
    }

    private ClusterStatus.Vip row(Node asSeenBy) {
        return asSeenBy.mode().status().vips().getFirst();
    }

    private Node other(Node... not) {
        return nodes.stream().filter(n -> List.of(not).stream().noneMatch(x -> x.name().equals(n.name())))
                .filter(n -> n.mode().hazelcast().getLifecycleService().isRunning()).findFirst().orElseThrow();
    }

    private static Optional<HandoffReport> report(Node seenBy, String kind, String node, long epoch) {
        return seenBy.mode().status().recent().stream()
                .filter(r -> r.kind().equals(kind) && r.node().equals(node) && r.epoch() == epoch).findFirst();
    }

    @Test
    @Order(1)
    void exactlyOneNodeClaimsTheVip() throws Exception {
        Node owner = owner();
        Thread.sleep(LEASE.toMillis()); // a few ticks and renewals: nobody else claims meanwhile
        assertThat(servingNode()).map(Node::name).contains(owner.name());
        assertThat(row(owner).epoch()).isEqualTo(1);
        for (Node n : nodes) {
            boolean isOwner = n == owner;
            assertThat(n.addresses().isUp(VIP_ADDRESS)).as("address up on %s", n.name()).isEqualTo(isOwner);
            assertThat(row(n).phase()).as("phase on %s", n.name()).isEqualTo(isOwner ? "serving" : "watching");
            assertThat(n.rpc().group(VIP_ADDRESS)).as("every node listens for the VIP ahead of time").isPresent();
        }
        try (WireClient client = new WireClient(new InetSocketAddress(VIP_ADDRESS, owner.port()))) {
            assertThat(client.ping(1)).isTrue();
        }
        assertThat(owner.reports()).extracting(HandoffReport::kind).containsExactly("acquire");
    }

    @Test
    @Order(2)
    void movesToAWitnessAnUnknownNodeOrAnUnknownVipAreRefusedWithAReason() {
        ClusterControl control = nodes.getFirst().mode();
        var toWitness = control.move(VIP, new NodeId("w"));
        assertThat(toWitness.accepted()).isFalse();
        assertThat(toWitness.message()).contains("witness");
        var toGhost = control.move(VIP, new NodeId("ghost"));
        assertThat(toGhost.accepted()).isFalse();
        assertThat(toGhost.message()).contains("not a member");
        var unknownVip = control.move(new VipId("nowhere"), nodes.get(1).id());
        assertThat(unknownVip.accepted()).isFalse();
        assertThat(unknownVip.message()).contains("unknown VIP");
        assertThat(servingNode()).as("still served").isPresent();
    }

    @Test
    @Order(3)
    void moveHandsTheVipToTheNamedNodeUnderTheNextEpochWithinTwoSeconds() {
        Node from = owner();
        Node to = other(from);
        long epoch = row(from).epoch();

        long t0 = System.nanoTime();
        var outcome = other(to).mode().move(VIP, to.id());
        assertThat(outcome.accepted()).as(outcome.message()).isTrue();
        Await.until("the row names " + to.name() + " SERVING at epoch " + (epoch + 1), Duration.ofSeconds(2),
                () -> nodes.stream().allMatch(n -> {
                    ClusterStatus.Vip r = row(n);
                    return r.owner().equals(to.name()) && r.epoch() == epoch + 1 && r.state().equals("SERVING");
                }));
        long movedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(movedMs).isLessThan(2000);

        // Both ends file the move under the epoch it created.
        Await.until("both sides' reports shared", Duration.ofSeconds(5), () -> report(to, "handoff", from.name(),
                epoch + 1).isPresent() && report(from, "acquire", to.name(), epoch + 1).isPresent());
        HandoffReport handoff = report(to, "handoff", from.name(), epoch + 1).orElseThrow();
        assertThat(handoff.to()).isEqualTo(to.name());
        assertThat(handoff.stagesMs().keySet()).containsExactly("drain", "address-remove", "close");
        HandoffReport acquire = report(from, "acquire", to.name(), epoch + 1).orElseThrow();
        assertThat(acquire.from()).isEqualTo(from.name());
        assertThat(acquire.stagesMs().keySet()).containsExactly("address-add", "announce", "tickle");

        assertThat(from.addresses().isUp(VIP_ADDRESS)).isFalse();
        assertThat(to.addresses().isUp(VIP_ADDRESS)).isTrue();
        assertThat(from.rpc().group(VIP_ADDRESS)).as("the old owner listens again, ready for a return").isPresent();
        assertThat(to.mode().move(VIP, to.id()).message()).contains("already served by");
    }

    @Test
    @Order(4)
    void drainingTheOwnerMovesItsVipAwayAndRefusesMovesBackUntilUndrained() {
        Node drained = owner();
        long epoch = row(drained).epoch();
        var outcome = other(drained).mode().drain(drained.id(), true);
        assertThat(outcome.accepted()).as(outcome.message()).isTrue();

        Node next = Await.until("the VIP served elsewhere", Duration.ofSeconds(5),
                () -> servingNode().filter(n -> n != drained));
        assertThat(row(next).epoch()).isEqualTo(epoch + 1);
        assertThat(drained.addresses().isUp(VIP_ADDRESS)).isFalse();
        assertThat(next.mode().status().members()).filteredOn(m -> m.name().equals(drained.name()))
                .extracting(ClusterStatus.Member::draining).containsExactly(true);
        var moveBack = next.mode().move(VIP, drained.id());
        assertThat(moveBack.accepted()).isFalse();
        assertThat(moveBack.message()).contains("draining");

        assertThat(next.mode().drain(drained.id(), false).accepted()).isTrue();
        Await.until("undrained everywhere", Duration.ofSeconds(5), () -> nodes.stream().allMatch(n -> n.mode()
                .status().members().stream().noneMatch(ClusterStatus.Member::draining)));
    }

    @Test
    @Order(5)
    void whenTheOwnerDiesAnotherTakesOverAfterTheLeaseAndTheDeadOneFencesItself() {
        Node dead = owner();
        long epoch = row(dead).epoch();

        long t0 = System.nanoTime();
        dead.mode().hazelcast().getLifecycleService().terminate();
        Node heir = Await.until("a survivor serving", Duration.ofSeconds(10),
                () -> servingNode().filter(n -> n != dead));
        long takeoverMs = (System.nanoTime() - t0) / 1_000_000;

        // Counted from the last renewal the survivors saw, which came up to a renewal period and a tick before.
        long earliest = LEASE.plus(MARGIN).minus(RENEW_EVERY).minus(VipController.TICK).toMillis();
        assertThat(takeoverMs).as("not before lease + margin").isGreaterThanOrEqualTo(earliest);
        assertThat(row(heir).epoch()).isEqualTo(epoch + 1);
        Await.until("the takeover reported", Duration.ofSeconds(5),
                () -> heir.reports().stream().anyMatch(r -> r.kind().equals("takeover") && r.epoch() == epoch + 1));
        HandoffReport takeover = heir.reports().stream().filter(r -> r.kind().equals("takeover")).findFirst()
                .orElseThrow();
        assertThat(takeover.from()).isEqualTo(dead.name());
        assertThat(takeover.stagesMs().keySet()).containsExactly("address-add", "announce", "tickle");
        // Cut off, the dead member's own controller could not renew: it stopped and took the address down.
        Await.until("the cut-off node fenced itself", Duration.ofSeconds(5),
                () -> dead.reports().stream().anyMatch(r -> r.kind().equals("fenced")));
        assertThat(dead.addresses().isUp(VIP_ADDRESS)).isFalse();
        assertThat(nodes.stream().filter(n -> n.addresses().isUp(VIP_ADDRESS))).containsExactly(heir);
    }
}
