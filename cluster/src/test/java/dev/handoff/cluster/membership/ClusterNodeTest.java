package dev.handoff.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.handoff.cluster.failover.FreePorts;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real embedded members on 127.0.0.1 in one JVM, each cluster with its own name and free ports so that
 * concurrent builds on the machine cannot join it. Waits only for events, each with a bound.
 */
class ClusterNodeTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNodeTest.class);
    private static final Duration FORM = Duration.ofSeconds(15);
    /** Seeing a member gone: the 3 s detection budget, plus the master claim and member-list update. */
    private static final Duration DETECT = Duration.ofSeconds(4);

    private final String clusterName = "handoff-test-" + UUID.randomUUID();
    private final List<ClusterNode> started = new ArrayList<>();
    private Process peer;

    @AfterEach
    void stopAll() {
        started.forEach(n -> n.hazelcast().getLifecycleService().terminate());
        if (peer != null) {
            peer.destroyForcibly();
        }
    }

    @Test
    void threeMembersFormAClusterAndLoseQuorumOnlyWhenTwoAreGone() throws Exception {
        List<Integer> ports = freePorts(3);
        InputRecorder a = new InputRecorder();
        InputRecorder b = new InputRecorder();
        InputRecorder c = new InputRecorder();
        ClusterNode na = start("a", ports, 0, 3, false, a);
        ClusterNode nb = start("b", ports, 1, 3, false, b);
        ClusterNode nc = start("c", ports, 2, 3, false, c);
        for (InputRecorder r : List.of(a, b, c)) {
            r.await(0, alive("a", "b", "c")::equals, FORM);
            r.await(0, VipInput.QuorumRegained.class::isInstance, FORM);
        }
        assertThat(na.members()).extracting(ClusterMember::witness).containsOnly(false);

        // The first member is the master: its death is the slower case (the others elect a new one).
        long t0 = System.nanoTime();
        na.hazelcast().getLifecycleService().terminate();
        long seenByB = b.await(t0, alive("b", "c")::equals, DETECT).nanos() - t0;
        long seenByC = c.await(t0, alive("b", "c")::equals, DETECT).nanos() - t0;
        LOG.info("terminated master seen gone after {} ms (b), {} ms (c)", seenByB / 1_000_000, seenByC / 1_000_000);
        assertThat(nb.hasQuorum()).isTrue();
        nb.hazelcast().getMap("handoff.test").put("k", "written with 2 of 3");

        long t1 = System.nanoTime();
        nb.close();
        long gone = c.await(t1, alive("c")::equals, DETECT).nanos() - t1;
        long lost = c.await(t1, VipInput.QuorumLost.class::isInstance, DETECT).nanos() - t1;
        LOG.info("gracefully stopped member seen gone after {} ms, quorum lost after {} ms",
                gone / 1_000_000, lost / 1_000_000);
        assertThat(nc.hasQuorum()).isFalse();
        // Hazelcast applies its own quorum verdict a moment after the member list changes (its split-brain
        // check runs on its own heartbeat); until then a write may still pass, so wait for the refusal.
        long refuseBy = System.nanoTime() + DETECT.toNanos();
        while (true) {
            try {
                nc.hazelcast().getMap("handoff.test").put("k", "minority");
            } catch (SplitBrainProtectionException refused) {
                break;
            }
            assertThat(System.nanoTime()).as("minority write still accepted after %s", DETECT).isLessThan(refuseBy);
            Thread.sleep(100);
        }
        assertThat(nc.hazelcast().getMap("scratch").put("k", "unprotected")).isNull();
    }

    @Test
    void aWitnessGivesTwoNodesTheirQuorumButIsNeverAnOwner() throws Exception {
        List<Integer> ports = freePorts(3);
        InputRecorder a = new InputRecorder();
        InputRecorder b = new InputRecorder();
        InputRecorder w = new InputRecorder();
        ClusterNode na = start("a", ports, 0, 3, false, a);
        ClusterNode nb = start("b", ports, 1, 3, false, b);
        ClusterNode nw = start("w", ports, 2, 3, true, w);
        a.await(0, VipInput.QuorumRegained.class::isInstance, FORM);
        a.await(0, alive("a", "b")::equals, FORM);
        awaitMembers(na, 3);
        assertThat(nw.isWitness()).isTrue();
        assertThat(na.isWitness(new NodeId("w"))).isTrue();
        assertThat(na.isWitness(new NodeId("b"))).isFalse();
        assertThat(a.last(VipInput.MembersChanged.class)).isEqualTo(alive("a", "b"));

        long t0 = System.nanoTime();
        nb.hazelcast().getLifecycleService().terminate();
        long seen = a.await(t0, alive("a")::equals, DETECT).nanos() - t0;
        LOG.info("terminated peer of a witnessed pair seen gone after {} ms", seen / 1_000_000);
        assertThat(na.hasQuorum()).isTrue();
        na.hazelcast().getMap("handoff.test").put("k", "a and the witness are a majority of 3");
        assertThat(na.members()).extracting(m -> m.node().name()).containsExactlyInAnyOrder("a", "w");
    }

    @Test
    void kubernetesDnsModeJoinsTheMembersTheServiceNameResolvesTo() throws Exception {
        // "localhost" stands in for the headless Service: its A record is where the first member listens.
        List<Integer> ports = freePorts(2);
        Discovery service = new Discovery.KubernetesDns("localhost", ports.get(0));
        start(ClusterConfig.of(new NodeId("a"), "127.0.0.1", ports.get(0), service, 2), new InputRecorder());
        InputRecorder b = new InputRecorder();
        start(ClusterConfig.of(new NodeId("b"), "127.0.0.1", ports.get(1), service, 2), b);
        b.await(0, alive("a", "b")::equals, FORM);
        b.await(0, VipInput.QuorumRegained.class::isInstance, FORM);
    }

    @Test
    void aFrozenMemberWhoseSocketsStayOpenIsFoundDeadByMissingHeartbeatsWithinTheBound() throws Exception {
        assertFrozenMemberDetected(false);
    }

    @Test
    void aFrozenMasterIsFoundDeadAndReplacedWithinTheBound() throws Exception {
        assertFrozenMemberDetected(true);
    }

    /** The frozen member runs in a process of its own; started first, it is the master. */
    private void assertFrozenMemberDetected(boolean master) throws Exception {
        List<Integer> ports = freePorts(3);
        InputRecorder a = new InputRecorder();
        if (master) {
            peer = startPeerProcess("c", ports, 2);
        }
        ClusterNode na = start("a", ports, 0, 3, false, a);
        start("b", ports, 1, 3, false, new InputRecorder());
        if (!master) {
            peer = startPeerProcess("c", ports, 2);
        }
        a.await(0, alive("a", "b", "c")::equals, FORM);

        long t0 = System.nanoTime();
        signal(peer, "STOP");
        long seen = a.await(t0, alive("a", "b")::equals, DETECT).nanos() - t0;
        LOG.info("frozen {} seen gone after {} ms (detection bound {})", master ? "master" : "member",
                seen / 1_000_000, na.config().detectionBound());
        assertThat(Duration.ofNanos(seen)).isLessThanOrEqualTo(DETECT);
        assertThat(na.hasQuorum()).isTrue();
        na.hazelcast().getMap("handoff.test").put("k", "written by the two that are left");
    }

    private ClusterNode start(String name, List<Integer> ports, int index, int size, boolean witness,
            InputRecorder sink) {
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        ClusterConfig cc = ClusterConfig.of(new NodeId(name), "127.0.0.1", ports.get(index),
                new Discovery.TcpIp(members), size)
                .withWitness(witness);
        return start(cc, sink);
    }

    private ClusterNode start(ClusterConfig cc, InputRecorder sink) {
        ClusterNode node = ClusterNode.start(cc.withClusterName(clusterName).withJoinWait(Duration.ofSeconds(1)), sink);
        started.add(node);
        return node;
    }

    private Process startPeerProcess(String name, List<Integer> ports, int index) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), PeerProcessMain.class.getName(), clusterName, name,
                Integer.toString(ports.get(index)), "3"));
        ports.forEach(p -> cmd.add(Integer.toString(p)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // the peer's own log; only the READY line matters
        }
        assertThat(line).as("peer process started").isEqualTo("READY");
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
        return p;
    }

    private static void signal(Process p, String signal) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        assertThat(rc).as("kill -" + signal).isZero();
    }

    private static void awaitMembers(ClusterNode node, int count) throws InterruptedException {
        long deadline = System.nanoTime() + FORM.toNanos();
        while (node.members().size() < count) {
            assertThat(System.nanoTime()).as("members of " + node.self()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static VipInput.MembersChanged alive(String... names) {
        Set<NodeId> ids = Arrays.stream(names).map(NodeId::new).collect(Collectors.toSet());
        return new VipInput.MembersChanged(ids);
    }

    private static List<Integer> freePorts(int n) {
        return FreePorts.on(InetAddress.getLoopbackAddress(), n);
    }
}
