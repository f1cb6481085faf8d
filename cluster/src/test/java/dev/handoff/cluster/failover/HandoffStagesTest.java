package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.address.TickleSender;
import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipEffect;
import dev.handoff.cluster.vip.VipEvent;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipInput;
import dev.handoff.cluster.vip.VipRecord;
import dev.handoff.cluster.vip.VipState;
import dev.handoff.cluster.vip.VipStep;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link HandoffStages} carrying out the VIP machine's effects against a real RPC server listening on a
 * loopback VIP, with a recording address manager in place of the interface (no root needed) and the machine
 * replaced by the test: it hands steps in and reads the inbox (what goes back to the machine) and the reports.
 * One real Hazelcast member holds the connection records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoffStagesTest {
    private static final NodeId SELF = new NodeId("self");
    private static final NodeId PEER = new NodeId("peer");
    private static final VipId VIP = new VipId("vip-77");
    private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(3);
    private final InetAddress address = InetAddress.ofLiteral("127.0.0.77");
    private int port;
    private final Map<VipId, IpPrefix> vips = Map.of(VIP, IpPrefix.host(address));
    private ClusterNode member;
    private ScheduledExecutorService background;

    private SlowProgram program;
    private RpcServer rpc;
    private VipListeners listeners;
    private ConnectionRecords connections;
    private final RecordingAddressManager addresses = new RecordingAddressManager();
    private final BlockingQueue<VipInput> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<HandoffReport> reports = new LinkedBlockingQueue<>();
    private final Map<VipId, VipRecord> rows = new ConcurrentHashMap<>();

    @BeforeAll
    void startMember() {
        member = LoneMember.start(SELF);
        // Hazelcast judges its split-brain protection on its first check after start; until then writes fail.
        Await.until("protected maps writable", Duration.ofSeconds(10), () -> {
            try {
                member.hazelcast().getMap(ConnectionRecords.MAP).clear();
                return true;
            } catch (com.hazelcast.splitbrainprotection.SplitBrainProtectionException notYet) {
                return false;
            }
        });
    }

    @AfterAll
    void stopMember() {
        member.hazelcast().getLifecycleService().terminate();
    }

    @BeforeEach
    void listenOnTheVip() throws IOException {
        // Each test its own: announcements a step schedules for later must not land in the next test's calls.
        background = Executors.newSingleThreadScheduledExecutor();
        addresses.clear();
        inbox.clear();
        reports.clear();
        member.hazelcast().getMultiMap(ConnectionRecords.MAP).clear();
        program = new SlowProgram();
        // A port of its own per test: a listener a failed step leaves bound must not fail the next test.
        port = FreePorts.on(address, 1).getFirst();
        rpc = new RpcServer(program.dispatcher(), RpcServerConfig.of(List.of(port)), CallObserver.NONE);
        connections = new ConnectionRecords(member.hazelcast(), "peer",
                a -> a.equals(address) ? Optional.of(VIP) : Optional.empty());
        rpc.connectionListener(connections);
        // This node serves the VIP when each test begins.
        connections.serving(VIP, true);
        listeners = new VipListeners(rpc);
        listeners.ensureListening(address);
        // The row as the old owner sees it once its release to PEER is stored.
        rows.put(VIP, new VipRecord(VIP, SELF, 4, VipState.RELEASING, 9, PEER));
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        program.releaseSlow.countDown();
        rpc.close();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    private HandoffStages stages(HandoffOrder order) {
        return new HandoffStages(SELF, vips, listeners, addresses, new TickleSender(1), connections, order,
                DRAIN_DEADLINE, vip -> Duration.ofSeconds(2), inbox::add, reports::add, background,
                vip -> Optional.ofNullable(rows.get(vip)));
    }

    private static VipStep step(List<VipEvent> events, VipEffect... effects) {
        return new VipStep(List.of(effects), events);
    }

    private WireClient client() throws IOException {
        return new WireClient(new InetSocketAddress(address, port));
    }

    private VipInput nextInput() throws InterruptedException {
        VipInput in = inbox.poll(5, TimeUnit.SECONDS);
        assertThat(in).as("an input back to the machine within 5 s").isNotNull();
        return in;
    }

    @Test
    void stopServingReportsDrainDoneOnlyAfterTheInFlightCallHasReplied() throws Exception {
        HandoffStages stages = stages(HandoffOrder.TICKLE);
        try (WireClient busy = client()) {
            busy.call(7, SlowProgram.SLOW);
            assertThat(program.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();

            stages.carryOut(step(List.of(VipEvent.DRAIN_STARTED), new VipEffect.StopServing(VIP)));

            assertThat(inbox.poll(300, TimeUnit.MILLISECONDS)).as("drain done while a call runs").isNull();
            assertThatThrownBy(() -> client().close()).as("new connections refused while draining")
                    .isInstanceOf(ConnectException.class);
            program.releaseSlow.countDown();
            ByteBuffer reply = busy.reply();
            assertThat(reply.getInt(0)).isEqualTo(7);
            assertThat(reply.getInt(24)).isEqualTo(SlowProgram.SLOW_RESULT);
            assertThat(nextInput()).isEqualTo(new VipInput.DrainDone(VIP));
            assertThat(busy.ending(200)).as("tickle order leaves the connection open for now").isEqualTo("open");
        }
        assertThat(addresses.calls()).as("stage 1 touches no address").isEmpty();
        assertThat(reports).as("no report before the move ends").isEmpty();
    }

    @Test
    void callsStillRunningAtTheDrainDeadlineAreToldBeforeTheDrainIsDone() throws Exception {
        HandoffStages stages = stages(HandoffOrder.TICKLE);
        List<java.net.InetAddress> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        stages.onCallsOutlivingDrain(told::add);
        try (WireClient busy = client()) {
            busy.call(7, SlowProgram.SLOW);
            assertThat(program.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();

            stages.carryOut(step(List.of(VipEvent.DRAIN_STARTED), new VipEffect.StopServing(VIP)));

            assertThat(inbox.poll(DRAIN_DEADLINE.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(new VipInput.DrainDone(VIP));
            assertThat(told).containsExactly(address);
        }
    }

    @Test
    void removeAddressTakesTheVipOffTheInterface() {
        addresses.add(vips.get(VIP));
        addresses.clear();

        stages(HandoffOrder.TICKLE).carryOut(step(List.of(VipEvent.DRAIN_DONE), new VipEffect.RemoveAddress(VIP)));

        assertThat(addresses.calls()).containsExactly("remove 127.0.0.77/32");
        assertThat(addresses.isUp(address)).isFalse();
    }

    @Test
    void closeConnectionsResetsLiveClientsAndAFreshListenerAcceptsAgain() throws Exception {
        try (WireClient live = client()) {
            assertThat(live.ping(1)).isTrue();
            Await.until("the connection recorded for the VIP", Duration.ofSeconds(5),
                    () -> connections.of(VIP).size() == 1);

            stages(HandoffOrder.TICKLE).carryOut(step(List.of(VipEvent.HANDOFF_DONE),
                    new VipEffect.CloseConnections(VIP)));

            assertThat(live.ending(2000)).isEqualTo("reset");
        }
        try (WireClient again = client()) {
            assertThat(again.ping(2)).as("the rebound listener serves on the same port").isTrue();
        }
        Await.until("closed connections forgotten", Duration.ofSeconds(5), () -> connections.of(VIP).isEmpty());
    }

    @Test
    void aPlannedDepartureReportsAHandoffWithItsStagesInOrder() throws Exception {
        HandoffStages stages = stages(HandoffOrder.TICKLE);
        addresses.add(vips.get(VIP));
        addresses.clear();
        try (WireClient live = client()) {
            assertThat(live.ping(1)).isTrue();
            stages.carryOut(step(List.of(VipEvent.DRAIN_STARTED), new VipEffect.StopServing(VIP)));
            assertThat(nextInput()).isEqualTo(new VipInput.DrainDone(VIP));
            stages.carryOut(step(List.of(VipEvent.DRAIN_DONE, VipEvent.HANDOFF_SENT),
                    new VipEffect.RemoveAddress(VIP)));
            stages.carryOut(step(List.of(VipEvent.HANDOFF_DONE), new VipEffect.CloseConnections(VIP)));
            assertThat(live.ending(2000)).isEqualTo("reset");
        }

        HandoffReport r = reports.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.kind()).isEqualTo("handoff");
        assertThat(r.outcome()).isEqualTo("done");
        assertThat(List.of(r.node(), r.from(), r.to(), r.vip())).containsExactly("self", "self", "peer", "vip-77");
        assertThat(r.epoch()).as("the epoch the move creates").isEqualTo(5);
        assertThat(r.stagesMs().keySet()).containsExactly("drain", "address-remove", "close");
        assertThat(addresses.calls()).containsExactly("remove 127.0.0.77/32");
    }

    @Test
    void anArrivalAddsAnnouncesTicklesAndReportsAnAcquireWithStageNamesInOrder() throws Exception {
        HandoffStages stages = stages(HandoffOrder.TICKLE);
        stages.rowSeen(new VipRecord(VIP, PEER, 4, VipState.RELEASING, 9, SELF));
        VipRecord serving = new VipRecord(VIP, SELF, 5, VipState.SERVING, 11, null);
        stages.rowSeen(serving);
        rows.put(VIP, serving);

        stages.carryOut(step(List.of(VipEvent.CLAIM_WON), new VipEffect.AddAddress(VIP),
                new VipEffect.Announce(VIP), new VipEffect.StartServing(VIP, 5)));

        HandoffReport r = reports.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.kind()).isEqualTo("acquire");
        assertThat(r.outcome()).isEqualTo("serving");
        assertThat(List.of(r.node(), r.from(), r.to())).containsExactly("self", "peer", "self");
        assertThat(r.epoch()).isEqualTo(5);
        assertThat(r.stagesMs().keySet()).containsExactly("address-add", "announce", "tickle");
        assertThat(addresses.calls().subList(0, 2)).containsExactly("add 127.0.0.77/32", "announce 127.0.0.77");
        assertThat(addresses.isUp(address)).isTrue();
        Await.until("two more announcements", Duration.ofSeconds(2), () -> addresses.calls().size() == 4);
        try (WireClient c = client()) {
            assertThat(c.ping(3)).isTrue();
        }
    }

    @Test
    void aCrashTakeoverIsReportedAsATakeover() throws Exception {
        HandoffStages stages = stages(HandoffOrder.TICKLE);
        stages.rowSeen(new VipRecord(VIP, PEER, 4, VipState.SERVING, 9, null));
        VipRecord taken = new VipRecord(VIP, SELF, 5, VipState.SERVING, 10, null);
        stages.rowSeen(taken);
        rows.put(VIP, taken);

        stages.carryOut(step(List.of(VipEvent.CLAIM_WON), new VipEffect.AddAddress(VIP),
                new VipEffect.Announce(VIP), new VipEffect.SendTickles(VIP), new VipEffect.StartServing(VIP, 5)));

        HandoffReport r = reports.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.kind()).isEqualTo("takeover");
        assertThat(r.from()).isEqualTo("peer");
        assertThat(r.stagesMs().keySet()).as("tickled once").containsExactly("address-add", "announce", "tickle");
    }

    @RepeatedTest(5) // the drain completes on a Netty thread most of the time, not always
    void resetFirstResetsTheConnectionsBeforeReportingTheDrainDone() throws Exception {
        HandoffStages stages = stages(HandoffOrder.RESET_FIRST);
        try (WireClient live = client()) {
            assertThat(live.ping(1)).isTrue();

            stages.carryOut(step(List.of(VipEvent.DRAIN_STARTED), new VipEffect.StopServing(VIP)));

            assertThat(nextInput()).isEqualTo(new VipInput.DrainDone(VIP));
            // Already reset when the machine hears of the drain: no wait is needed to see it.
            assertThat(live.ending(50)).isEqualTo("reset");
        }
        assertThat(addresses.calls()).as("the address is still here").isEmpty();
        // Nothing listens until the address is gone (stage 3): a client reconnecting at once must not be taken
        // in by a node that will not serve it.
        assertThatThrownBy(this::client).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void finHalfClosesTheConnectionsBeforeReportingTheDrainDone() throws Exception {
        HandoffStages stages = stages(HandoffOrder.FIN);
        try (WireClient live = client()) {
            assertThat(live.ping(1)).isTrue();

            stages.carryOut(step(List.of(VipEvent.DRAIN_STARTED), new VipEffect.StopServing(VIP)));

            assertThat(nextInput()).isEqualTo(new VipInput.DrainDone(VIP));
            assertThat(live.ending(50)).isEqualTo("eof");
        }
    }

    @Test
    void resetFirstAfterAnInFlightCallRepliesResetsThenReportsTheDrainDone() throws Exception {
        HandoffStages stages = stages(HandoffOrder.RESET_FIRST);
        try (WireClient busy = client()) {
            busy.call(7, SlowProgram.SLOW);
            assertThat(program.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
            stages.carryOut(step(List.of(VipEvent.DRAIN_STARTED), new VipEffect.StopServing(VIP)));
            program.releaseSlow.countDown();

            assertThat(busy.reply().getInt(24)).isEqualTo(SlowProgram.SLOW_RESULT);
            assertThat(nextInput()).isEqualTo(new VipInput.DrainDone(VIP));
            assertThat(busy.ending(50)).isEqualTo("reset");
        }
    }

    @Test
    void aLostLeaseStopsRemovesAndResetsAtOnceAndIsReportedAsFenced() throws Exception {
        HandoffStages stages = stages(HandoffOrder.TICKLE);
        rows.put(VIP, new VipRecord(VIP, PEER, 5, VipState.SERVING, 12, null));
        addresses.add(vips.get(VIP));
        addresses.clear();
        try (WireClient live = client()) {
            assertThat(live.ping(1)).isTrue();

            stages.carryOut(step(List.of(VipEvent.LEASE_EXPIRED), new VipEffect.StopServing(VIP),
                    new VipEffect.RemoveAddress(VIP), new VipEffect.CloseConnections(VIP)));

            assertThat(live.ending(2000)).isEqualTo("reset");
        }
        HandoffReport r = reports.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.kind()).isEqualTo("fenced");
        assertThat(r.from()).isEqualTo("self");
        assertThat(r.stagesMs()).containsKeys("address-remove", "close");
        assertThat(addresses.calls()).containsExactly("remove 127.0.0.77/32");
        assertThat(nextInput()).as("the drain still answers").isEqualTo(new VipInput.DrainDone(VIP));
    }
}
