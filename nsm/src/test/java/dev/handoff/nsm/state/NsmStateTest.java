package dev.handoff.nsm.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.SmRes;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NsmStateTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final MyId LOCKD = new MyId("handoff", 100_021, 4, 16);
    private static final MyId OTHER = new MyId("handoff", 100_021, 4, 17);
    private static final Opaque PRIV = Opaque.ofHex("00112233445566778899aabbccddeeff");
    private static final Opaque PRIV2 = Opaque.ofHex("ffeeddccbbaa99887766554433221100");
    private static final InetAddress CLIENT7 = InetAddress.ofLiteral("10.0.0.7");
    private static final InetAddress CLIENT8 = InetAddress.ofLiteral("10.0.0.8");
    private static final ServerName VIP = ServerName.of(InetAddress.ofLiteral("10.0.0.100"));
    private static final ServerName VIP2 = ServerName.of(InetAddress.ofLiteral("10.0.0.101"));

    private static NsmState booted(NsmSnapshot saved, NsmLimits limits) {
        return NsmState.restore(saved, limits).on(new NsmInput.Boot(), T0).next();
    }

    private static NsmState booted() {
        return booted(NsmSnapshot.EMPTY, NsmLimits.defaults());
    }

    private static NsmInput.AddMonitor mon(String host, MyId id, Opaque priv, InetAddress from, ServerName as) {
        return new NsmInput.AddMonitor(new Mon(new MonId(host, id), priv), from, as);
    }

    private static NsmInput.AddMonitor mon(String host, InetAddress from) {
        return mon(host, LOCKD, PRIV, from, VIP);
    }

    private static NsmState apply(NsmState s, NsmInput... inputs) {
        for (NsmInput in : inputs) {
            s = s.on(in, T0).next();
        }
        return s;
    }

    private static Monitor monitor(String host, InetAddress address, ServerName... names) {
        return new Monitor(new MonId(host, LOCKD), PRIV, address, List.of(names), 0, T0);
    }

    @Test
    void theFirstBootTakesStateThreeAsStatdDoes() {
        NsmStep step = NsmState.restore(NsmSnapshot.EMPTY, NsmLimits.defaults()).on(new NsmInput.Boot(), T0);
        assertThat(step.state()).isEqualTo(3);
        assertThat(step.event()).isEqualTo(NsmEvent.BOOTED);
        assertThat(step.effects()).containsExactly(new NsmEffect.Persist(new NsmSnapshot(3, List.of(), List.of()),
                true));
    }

    @Test
    void aRestartAddsTwoToTheSavedNumberMadeOdd() {
        assertThat(NsmState.nextNumber(5)).isEqualTo(7);
        assertThat(NsmState.nextNumber(6)).as("an even number saved while down").isEqualTo(9);
        assertThat(NsmState.nextNumber(Integer.MAX_VALUE)).as("past 2^31 the number goes on unsigned")
                .isEqualTo(Integer.MIN_VALUE + 1);
        assertThat(NsmState.nextNumber(-1)).as("wraps after 2^32").isEqualTo(1);
        NsmSnapshot saved = new NsmSnapshot(41, List.of(), List.of());
        assertThat(booted(saved, NsmLimits.defaults()).number()).isEqualTo(43);
    }

    @Test
    void bootOwesEveryMonitoredHostANoticeUnderEachNameItKnowsUsBy() {
        NotifyTarget older = new NotifyTarget("10.0.0.9", null, VIP);
        NsmSnapshot saved = new NsmSnapshot(7, List.of(monitor("10.0.0.7", CLIENT7, VIP, VIP2),
                monitor("client8.example", null, VIP)), List.of(older));
        NsmStep step = NsmState.restore(saved, NsmLimits.defaults()).on(new NsmInput.Boot(), T0);

        List<NotifyTarget> owed = List.of(new NotifyTarget("10.0.0.7", CLIENT7, VIP),
                new NotifyTarget("10.0.0.7", CLIENT7, VIP2), new NotifyTarget("client8.example", null, VIP), older);
        assertThat(step.next().monitors()).as("the lock table they were for is gone").isEmpty();
        assertThat(step.next().pending()).isEqualTo(owed);
        assertThat(step.effects()).as("saved before anyone hears the number").containsExactly(
                new NsmEffect.Persist(new NsmSnapshot(9, List.of(), owed), true),
                new NsmEffect.NotifyPeers(owed, 9));
    }

    @Test
    void theNotifyListKeepsTheHostsJustLostWhenItIsFull() {
        NsmSnapshot saved = new NsmSnapshot(1, List.of(monitor("a", null, VIP), monitor("b", null, VIP)),
                List.of(new NotifyTarget("old", null, VIP)));
        NsmState s = booted(saved, new NsmLimits(10, 4, 2));
        assertThat(s.pending()).extracting(NotifyTarget::peer).containsExactly("a", "b");
    }

    @Test
    void inputsBeforeBootAndASecondBootAreProgrammingErrors() {
        NsmState loaded = NsmState.restore(NsmSnapshot.EMPTY, NsmLimits.defaults());
        assertThatThrownBy(() -> loaded.on(mon("h", null), T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> booted().on(new NsmInput.Boot(), T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void monAddsAWatchThatMustBeSavedBeforeItCounts() {
        NsmStep step = booted().on(mon("10.0.0.7", CLIENT7), T0);
        Monitor added = monitor("10.0.0.7", CLIENT7, VIP);
        assertThat(step.result()).isEqualTo(SmRes.STAT_SUCC);
        assertThat(step.state()).isEqualTo(3);
        assertThat(step.event()).isEqualTo(NsmEvent.MONITOR_ADDED);
        assertThat(step.next().monitors()).containsExactly(added);
        assertThat(step.effects()).containsExactly(
                new NsmEffect.Persist(new NsmSnapshot(3, List.of(added), List.of()), true));
        assertThat(step.requiresPersist()).isTrue();
    }

    @Test
    void aRepeatedMonChangesNothingAndNamesCompareWithoutCase() {
        NsmState s = apply(booted(), mon("client7.example", CLIENT7));
        NsmStep again = s.on(mon("Client7.EXAMPLE.", null), T0);
        assertThat(again.event()).isEqualTo(NsmEvent.MONITOR_REPEATED);
        assertThat(again.result()).isEqualTo(SmRes.STAT_SUCC);
        assertThat(again.effects()).isEmpty();
        assertThat(again.next()).isSameAs(s);
    }

    @Test
    void aMonWithANewCookieOrServerNameUpdatesTheWatch() {
        NsmState s = apply(booted(), mon("10.0.0.7", CLIENT7));
        NsmStep step = s.on(mon("10.0.0.7", LOCKD, PRIV2, null, VIP2), T0);
        assertThat(step.event()).isEqualTo(NsmEvent.MONITOR_UPDATED);
        assertThat(step.next().monitors()).singleElement().satisfies(m -> {
            assertThat(m.priv()).isEqualTo(PRIV2);
            assertThat(m.knownAs()).containsExactly(VIP, VIP2);
            assertThat(m.address()).as("kept when the new call does not say").isEqualTo(CLIENT7);
        });
    }

    @Test
    void aFullListRefusesNewHostsButNotRepeats() {
        NsmState s = apply(booted(NsmSnapshot.EMPTY, new NsmLimits(2, 2, 10)), mon("a", null), mon("b", null));
        NsmStep third = s.on(mon("c", null), T0);
        assertThat(third.result()).isEqualTo(SmRes.STAT_FAIL);
        assertThat(third.event()).isEqualTo(NsmEvent.MONITOR_REFUSED_FULL);
        assertThat(third.effects()).isEmpty();
        assertThat(s.on(mon("a", null), T0).result()).isEqualTo(SmRes.STAT_SUCC);
        assertThat(s.on(new NsmInput.Stat("c"), T0).result()).isEqualTo(SmRes.STAT_FAIL);
        assertThat(s.on(new NsmInput.Stat("A"), T0).result()).isEqualTo(SmRes.STAT_SUCC);

        NsmState two = apply(s, mon("a", LOCKD, PRIV, null, VIP2));
        assertThat(two.on(mon("a", LOCKD, PRIV, null, ServerName.host("nfs.example")), T0).result())
                .as("too many names for one host").isEqualTo(SmRes.STAT_FAIL);
    }

    @Test
    void anEmptyNameIsRefused() {
        NsmStep step = booted().on(mon("", null), T0);
        assertThat(step.result()).isEqualTo(SmRes.STAT_FAIL);
        assertThat(step.event()).isEqualTo(NsmEvent.MONITOR_REFUSED_NAME);
        assertThat(booted().on(new NsmInput.Stat(""), T0).result()).isEqualTo(SmRes.STAT_FAIL);
    }

    @Test
    void unmonRemovesOnlyThatWatcherOfTheHost() {
        NsmState s = apply(booted(), mon("10.0.0.7", LOCKD, PRIV, null, VIP), mon("10.0.0.7", OTHER, PRIV, null, VIP));
        NsmStep step = s.on(new NsmInput.RemoveMonitor(new MonId("10.0.0.7", LOCKD)), T0);
        assertThat(step.event()).isEqualTo(NsmEvent.UNMONITORED);
        assertThat(step.next().monitors()).extracting(m -> m.id().myId()).containsExactly(OTHER);
        assertThat(step.effects()).singleElement().isInstanceOf(NsmEffect.Persist.class);
        assertThat(step.requiresPersist()).as("a stale watch costs one needless notice").isFalse();

        NsmStep unknown = s.on(new NsmInput.RemoveMonitor(new MonId("10.0.0.9", LOCKD)), T0);
        assertThat(unknown.event()).isEqualTo(NsmEvent.UNMONITORED_NONE);
        assertThat(unknown.effects()).isEmpty();
        assertThat(unknown.result()).as("statd answers its state, not an error").isEqualTo(SmRes.STAT_SUCC);
    }

    @Test
    void unmonAllRemovesEveryWatchOfOneCaller() {
        NsmState s = apply(booted(), mon("a", LOCKD, PRIV, null, VIP), mon("b", LOCKD, PRIV, null, VIP),
                mon("a", OTHER, PRIV, null, VIP));
        NsmStep step = s.on(new NsmInput.RemoveAll(new MyId("HANDOFF", 100_021, 4, 16)), T0);
        assertThat(step.event()).isEqualTo(NsmEvent.UNMONITORED_ALL);
        assertThat(step.next().monitors()).extracting(m -> m.id().myId()).containsExactly(OTHER);
        assertThat(step.next().on(new NsmInput.RemoveAll(LOCKD), T0).event()).isEqualTo(NsmEvent.UNMONITORED_NONE);
    }

    @Test
    void aNoticeFromAMonitoredHostIsDeliveredToItsWatcherWithTheCookie() {
        NsmState s = apply(booted(), mon("Client7.example", CLIENT7));
        NsmStep step = s.on(new NsmInput.PeerRebooted("client7.example", 5, CLIENT7), T0);
        assertThat(step.event()).isEqualTo(NsmEvent.PEER_REBOOTED);
        assertThat(step.effects()).hasSize(2);
        assertThat(step.effects().get(0)).isInstanceOfSatisfying(NsmEffect.Persist.class,
                p -> assertThat(p.required()).isFalse());
        assertThat(step.effects().get(1)).as("the name as the watcher gave it")
                .isEqualTo(new NsmEffect.DeliverStatusChange(LOCKD, "Client7.example", 5, PRIV));
        assertThat(step.next().monitors()).as("statd keeps the watch").singleElement()
                .extracting(Monitor::peerState).isEqualTo(5);
    }

    @Test
    void aHostMonitoredByAddressIsMatchedByTheNoticesSenderWhateverNameItSends() {
        NsmState s = apply(booted(), mon("10.0.0.7", CLIENT7));
        assertThat(s.on(new NsmInput.PeerRebooted("client7.example", 5, CLIENT7), T0).event())
                .isEqualTo(NsmEvent.PEER_REBOOTED);
        assertThat(s.on(new NsmInput.PeerRebooted("client7.example", 5, CLIENT8), T0).event())
                .isEqualTo(NsmEvent.PEER_UNKNOWN);
    }

    @Test
    void aNoticeNamingAMonitoredHostFromAnotherAddressChangesNothing() {
        NsmState s = apply(booted(), mon("client7.example", CLIENT7));
        NsmStep step = s.on(new NsmInput.PeerRebooted("client7.example", 5, CLIENT8), T0);
        assertThat(step.event()).as("anyone can type another host's name").isEqualTo(NsmEvent.PEER_UNKNOWN);
        assertThat(step.effects()).isEmpty();
        assertThat(step.next()).isSameAs(s);
    }

    @Test
    void aNoticeFromAStrangerChangesNothing() {
        NsmState s = apply(booted(), mon("10.0.0.7", CLIENT7));
        NsmStep step = s.on(new NsmInput.PeerRebooted("stranger.example", 9, InetAddress.ofLiteral("192.0.2.1")),
                T0);
        assertThat(step.event()).isEqualTo(NsmEvent.PEER_UNKNOWN);
        assertThat(step.effects()).isEmpty();
        assertThat(step.next()).isSameAs(s);
    }

    @Test
    void aRetransmittedNoticeIsDeliveredOnceAndANewStateAgain() {
        NsmState s = apply(booted(), mon("10.0.0.7", CLIENT7), new NsmInput.PeerRebooted("10.0.0.7", 5, CLIENT7));
        NsmStep again = s.on(new NsmInput.PeerRebooted("10.0.0.7", 5, CLIENT7), T0);
        assertThat(again.event()).isEqualTo(NsmEvent.PEER_REBOOT_REPEATED);
        assertThat(again.effects()).isEmpty();
        assertThat(s.on(new NsmInput.PeerRebooted("10.0.0.7", 7, CLIENT7), T0).effects())
                .contains(new NsmEffect.DeliverStatusChange(LOCKD, "10.0.0.7", 7, PRIV));
    }

    @Test
    void everyWatcherOfTheHostHearsOfItsRestart() {
        NsmState s = apply(booted(), mon("10.0.0.7", LOCKD, PRIV, null, VIP), mon("10.0.0.7", OTHER, PRIV2, null, VIP));
        assertThat(s.on(new NsmInput.PeerRebooted("10.0.0.7", 5, null), T0).effects()).containsSubsequence(
                new NsmEffect.DeliverStatusChange(LOCKD, "10.0.0.7", 5, PRIV),
                new NsmEffect.DeliverStatusChange(OTHER, "10.0.0.7", 5, PRIV2));
    }

    @Test
    void aSimulatedCrashTakesTheNextNumberAndNotifiesLikeARestart() {
        NsmState s = apply(booted(), mon("10.0.0.7", CLIENT7));
        NsmStep step = s.on(new NsmInput.SimulateCrash(), T0);
        NotifyTarget owed = new NotifyTarget("10.0.0.7", CLIENT7, VIP);
        assertThat(step.state()).isEqualTo(5);
        assertThat(step.event()).isEqualTo(NsmEvent.CRASH_SIMULATED);
        assertThat(step.next().monitors()).isEmpty();
        assertThat(step.effects()).containsExactly(
                new NsmEffect.Persist(new NsmSnapshot(5, List.of(), List.of(owed)), true),
                new NsmEffect.NotifyPeers(List.of(owed), 5));
    }

    @Test
    void anAcknowledgedNoticeLeavesTheListButOnlyForTheCurrentNumber() {
        NotifyTarget owed = new NotifyTarget("10.0.0.7", CLIENT7, VIP);
        NsmState s = booted(new NsmSnapshot(1, List.of(monitor("10.0.0.7", CLIENT7, VIP)), List.of()),
                NsmLimits.defaults());
        assertThat(s.number()).isEqualTo(3);

        NsmStep stale = s.on(new NsmInput.Notified(owed, 1), T0);
        assertThat(stale.event()).isEqualTo(NsmEvent.NOTIFY_STALE);
        assertThat(stale.next().pending()).containsExactly(owed);

        NsmStep done = s.on(new NsmInput.Notified(owed, 3), T0);
        assertThat(done.event()).isEqualTo(NsmEvent.NOTIFY_CONFIRMED);
        assertThat(done.next().pending()).isEmpty();
        assertThat(done.effects()).containsExactly(new NsmEffect.Persist(new NsmSnapshot(3, List.of(), List.of()),
                false));

        NsmStep gaveUp = s.on(new NsmInput.GaveUp(owed, 3), T0);
        assertThat(gaveUp.event()).isEqualTo(NsmEvent.NOTIFY_GAVE_UP);
        assertThat(gaveUp.next().pending()).as("owed again at the next restart").containsExactly(owed);
    }
}
