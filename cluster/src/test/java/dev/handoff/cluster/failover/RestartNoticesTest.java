package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.notify.Scheduler;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.ServerName;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Restart notices in a cluster: filed under the VIP the client locked through and sent by that VIP's owner, or
 * not at all when the cluster kept the locks. The sender is a recording stand-in for the network (SM_NOTIFY over
 * real sockets is nsm's NotifyOverSocketsTest); the filing is a real Hazelcast member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartNoticesTest {
    private static final InetAddress VIP_ADDRESS = InetAddress.ofLiteral("10.0.3.100");
    private static final VipId VIP = new VipId("10.0.3.100");
    private static final NotifyTarget VIA_VIP = new NotifyTarget("client1", InetAddress.ofLiteral("10.0.3.10"),
            ServerName.of(VIP_ADDRESS));
    private static final NotifyTarget VIA_HOST = new NotifyTarget("client2", InetAddress.ofLiteral("10.0.3.11"),
            ServerName.host("node1"));
    private ClusterNode member;
    private ScheduledExecutorService timer;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        member = LoneMember.withSharedState(new NodeId("node1"));
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    void stop() {
        timer.shutdownNow();
        member.close();
    }

    @BeforeEach
    void clear() {
        member.hazelcast().getMultiMap(RestartNotices.MAP).clear();
        sent.clear();
        outcomes.clear();
    }

    private Notifier sender() {
        return new Notifier((target, state) -> {
            sent.add(target.peer() + " as " + target.as().name() + " from "
                    + (target.as().source() == null ? "-" : target.as().source().getHostAddress()) + " state " + state);
            return CompletableFuture.completedFuture(null);
        }, Scheduler.of(timer), InstantSource.system(), RetryPolicy.defaults());
    }

    private final Notifier.Outcome outcome = new Notifier.Outcome() {
        @Override
        public void notified(NotifyTarget target, int state) {
            outcomes.add("notified " + target.peer());
        }

        @Override
        public void gaveUp(NotifyTarget target, int state) {
            outcomes.add("gave up " + target.peer());
        }
    };

    @Test
    void aNodeWhoseLocksTheClusterKeptSendsNothingAndLetsItsMonitorForget() {
        try (RestartNotices notices = new RestartNotices(member.hazelcast(), sender(), false, Set.of(VIP.name()))) {
            notices.notify(List.of(VIA_VIP, VIA_HOST), 7, outcome);
            notices.serving(VIP, true);
            Await.until("monitor told", Duration.ofSeconds(5), () -> outcomes.size() == 2);
            assertThat(sent).isEmpty();
            assertThat(member.hazelcast().getMultiMap(RestartNotices.MAP).size()).isZero();
        }
    }

    @Test
    void noticesThroughAVipWaitForItsOwnerAndLeaveFromTheVipThenAreTakenOff() {
        try (RestartNotices notices = new RestartNotices(member.hazelcast(), sender(), true, Set.of(VIP.name()))) {
            notices.notify(List.of(VIA_VIP, VIA_HOST), 7, outcome);
            Await.until("filed, and the local monitor released", Duration.ofSeconds(5),
                    () -> member.hazelcast().getMultiMap(RestartNotices.MAP).size() == 1 && outcomes.size() == 2);
            // The one known by the host name is sent at once; the one through the VIP waits for its owner.
            Await.until("host-name notice sent", Duration.ofSeconds(5), () -> sent.size() == 1);
            assertThat(sent).containsExactly("client2 as node1 from - state 7");

            notices.serving(VIP, true);
            Await.until("sent by the VIP's owner", Duration.ofSeconds(5), () -> sent.size() == 2);
            assertThat(sent.get(1)).isEqualTo("client1 as 10.0.3.100 from 10.0.3.100 state 7");
            Await.until("taken off once answered", Duration.ofSeconds(5),
                    () -> member.hazelcast().getMultiMap(RestartNotices.MAP).size() == 0);
            notices.sendFiledForServed();
            assertThat(sent).hasSize(2);
        }
    }

    @Test
    void aNoticeRecordReadsBackAsTheSameTarget() {
        NotifyTarget noAddress = new NotifyTarget("client3", null, ServerName.of(VIP_ADDRESS));
        for (NotifyTarget t : List.of(VIA_VIP, VIA_HOST, noAddress)) {
            RestartNotices.Decoded d = RestartNotices.decode(RestartNotices.encode(t, -3));
            assertThat(d.target()).isEqualTo(t);
            assertThat(d.state()).isEqualTo(-3);
        }
    }
}
