package dev.handoff.nsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.NsmEvent;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.MemoryNsmStore;
import dev.handoff.nsm.store.NsmStateFiles;
import dev.handoff.nsm.store.NsmStore;
import dev.handoff.nsm.testing.ManualClock;
import dev.handoff.nsm.testing.ManualScheduler;
import dev.handoff.nsm.testing.RecordingSender;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.SmRes;
import dev.handoff.nsm.xdr.SmStatRes;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NsmServiceTest {
    private static final MyId LOCKD = new MyId("handoff", 100_021, 4, 16);
    private static final Opaque PRIV = Opaque.ofHex("00112233445566778899aabbccddeeff");
    private static final InetAddress CLIENT7 = InetAddress.ofLiteral("10.0.0.7");
    private static final InetAddress CLIENT8 = InetAddress.ofLiteral("10.0.0.8");
    private static final ServerName VIP = ServerName.of(InetAddress.ofLiteral("10.0.0.100"));
    private static final NsmConfig CONFIG = NsmConfig.defaults(ServerName.host("nfs.example"));

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingSender sender = new RecordingSender(clock);
    private final Notifier notifier = new Notifier(sender, scheduler, clock, RetryPolicy.defaults());

    private NsmService start(NsmStore store) throws IOException {
        return NsmService.start(CONFIG, store, notifier, clock);
    }

    private static Mon mon(String host) {
        return new Mon(new MonId(host, LOCKD), PRIV);
    }

    /** A store that remembers the state number of every save, and can be made to fail. */
    private static final class WatchedStore implements NsmStore {
        final MemoryNsmStore saved = new MemoryNsmStore(NsmSnapshot.EMPTY);
        final List<Integer> savedStates = new ArrayList<>();
        boolean failing;

        @Override
        public NsmSnapshot load() {
            return saved.load();
        }

        @Override
        public void save(NsmSnapshot snapshot) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            savedStates.add(snapshot.state());
            saved.save(snapshot);
        }
    }

    @Test
    void aRestartFindsTheMonitorsSavedAndTellsThemTheNewNumberFromTheVip() throws IOException {
        NsmService first = start(new NsmStateFiles(dir));
        assertThat(first.state()).isEqualTo(3);
        assertThat(first.monitor(mon("10.0.0.7"), CLIENT7, VIP)).isEqualTo(new SmStatRes(SmRes.STAT_SUCC, 3));
        assertThat(first.monitor(mon("client8.example"), CLIENT8, VIP).resStat()).isEqualTo(SmRes.STAT_SUCC);
        assertThat(sender.attempts).isEmpty();

        NsmService second = start(new NsmStateFiles(dir));
        assertThat(second.state()).isEqualTo(5);
        assertThat(second.monitoredBeforeStart()).containsExactlyInAnyOrder("10.0.0.7", "client8.example");
        assertThat(second.monitors()).isEmpty();
        assertThat(sender.attempts).extracting(a -> a.target(), a -> a.state()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new NotifyTarget("10.0.0.7", CLIENT7, VIP), 5),
                org.assertj.core.groups.Tuple.tuple(new NotifyTarget("client8.example", CLIENT8, VIP), 5));
        assertThat(second.pending()).as("both answered").isEmpty();
        assertThat(new NsmStateFiles(dir).load().pending()).as("and the file says so").isEmpty();

        sender.attempts.clear();
        NsmService third = start(new NsmStateFiles(dir));
        assertThat(third.state()).isEqualTo(7);
        assertThat(sender.attempts).as("nobody is owed a notice any more").isEmpty();
    }

    @Test
    void theNewNumberIsSavedBeforeTheFirstNoticeGoesOut() throws IOException {
        WatchedStore store = new WatchedStore();
        store.saved.save(new NsmSnapshot(3, List.of(), List.of(new NotifyTarget("10.0.0.7", CLIENT7, VIP))));
        List<Integer> savedWhenSent = new ArrayList<>();
        Notifier watching = new Notifier((t, s) -> {
            savedWhenSent.add(store.load().state());
            return sender.send(t, s);
        }, scheduler, clock, RetryPolicy.defaults());
        NsmService.start(CONFIG, store, watching, clock);
        assertThat(savedWhenSent).containsExactly(5);
    }

    @Test
    void aPeerGivenUpOnIsOwedANoticeAgainAtTheNextStart() throws IOException {
        NsmStateFiles files = new NsmStateFiles(dir);
        start(files).monitor(mon("10.0.0.7"), CLIENT7, VIP);
        sender.failures("10.0.0.7", Integer.MAX_VALUE);
        NsmService second = start(files);
        scheduler.advance(Duration.ofHours(1));
        assertThat(second.counters().get(NsmEvent.NOTIFY_GAVE_UP)).isOne();
        assertThat(files.load().pending()).extracting(NotifyTarget::peer).containsExactly("10.0.0.7");
    }

    @Test
    void aClientRestartReachesTheListenerOfItsWatcherOnly() throws IOException {
        NsmService nsm = start(NsmStore.inMemory());
        List<String> heard = new ArrayList<>();
        nsm.register(LOCKD, (name, state, priv) -> heard.add(name + " " + state + " " + priv.toHex()));
        MyId other = new MyId("handoff", 100_021, 4, 99);
        nsm.register(other, (name, state, priv) -> heard.add("other " + name));
        nsm.monitor(mon("10.0.0.7"), CLIENT7, VIP);

        nsm.peerRebooted("client7.example", 9, CLIENT7);
        nsm.peerRebooted("client7.example", 9, CLIENT7);
        nsm.peerRebooted("stranger.example", 1, InetAddress.ofLiteral("192.0.2.1"));

        assertThat(heard).containsExactly("10.0.0.7 9 " + PRIV.toHex());
        assertThat(nsm.counters().get(NsmEvent.PEER_UNKNOWN)).isOne();
        assertThat(nsm.counters().get(NsmEvent.PEER_REBOOT_REPEATED)).isOne();
    }

    @Test
    void aListenerThatFailsDoesNotStopTheOthers() throws IOException {
        NsmService nsm = start(NsmStore.inMemory());
        MyId other = new MyId("handoff", 100_021, 4, 99);
        List<String> heard = new ArrayList<>();
        nsm.register(LOCKD, (name, state, priv) -> {
            throw new IllegalStateException("boom");
        });
        nsm.register(other, (name, state, priv) -> heard.add(name));
        nsm.monitor(mon("10.0.0.7"), CLIENT7, VIP);
        nsm.monitor(new Mon(new MonId("10.0.0.7", other), PRIV), CLIENT7, VIP);
        nsm.peerRebooted("10.0.0.7", 9, CLIENT7);
        assertThat(heard).containsExactly("10.0.0.7");
    }

    @Test
    void aMonitorThatCannotBeSavedIsRefusedAndForgotten() throws IOException {
        WatchedStore store = new WatchedStore();
        NsmService nsm = start(store);
        store.failing = true;
        assertThat(nsm.monitor(mon("10.0.0.7"), CLIENT7, VIP)).isEqualTo(new SmStatRes(SmRes.STAT_FAIL, 3));
        assertThat(nsm.monitors()).isEmpty();
        assertThat(nsm.simulateCrash()).as("nor may a number be used unsaved").isEqualTo(3);
        assertThat(nsm.counters().get(NsmEvent.PERSIST_FAILED)).isEqualTo(2);

        store.failing = false;
        assertThat(nsm.monitor(mon("10.0.0.7"), CLIENT7, VIP).resStat()).isEqualTo(SmRes.STAT_SUCC);
        store.failing = true;
        assertThat(nsm.unmonitor(new MonId("10.0.0.7", LOCKD))).as("a stale watch only costs a notice").isEqualTo(3);
        assertThat(nsm.monitors()).isEmpty();
    }

    @Test
    void aStartWhoseNumberCannotBeSavedFailsWithoutTellingAnyone() {
        WatchedStore store = new WatchedStore();
        store.saved.save(new NsmSnapshot(3, List.of(), List.of(new NotifyTarget("10.0.0.7", CLIENT7, VIP))));
        store.failing = true;
        assertThatThrownBy(() -> start(store)).isInstanceOf(IOException.class);
        assertThat(sender.attempts).isEmpty();
    }

    @Test
    void aSimulatedCrashNotifiesEveryMonitoredHost() throws IOException {
        NsmService nsm = start(NsmStore.inMemory());
        nsm.monitor(mon("10.0.0.7"), CLIENT7, VIP);
        assertThat(nsm.simulateCrash()).isEqualTo(5);
        assertThat(sender.attempts).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo(new NotifyTarget("10.0.0.7", CLIENT7, VIP));
            assertThat(a.state()).isEqualTo(5);
        });
        assertThat(nsm.monitors()).isEmpty();
        assertThat(nsm.pending()).isEmpty();
    }
}
