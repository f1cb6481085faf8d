package dev.handoff.nsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.state.NsmEvent;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.NsmStore;
import dev.handoff.nsm.testing.ManualClock;
import dev.handoff.nsm.testing.ManualScheduler;
import dev.handoff.nsm.testing.RecordingSender;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.NsmCodec;
import dev.handoff.nsm.xdr.NsmProcedures;
import dev.handoff.nsm.xdr.SmName;
import dev.handoff.nsm.xdr.SmRes;
import dev.handoff.nsm.xdr.SmStat;
import dev.handoff.nsm.xdr.SmStatRes;
import dev.handoff.nsm.xdr.StatChge;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NSM procedures as peers and local tools call them, through the dispatcher. */
class NsmProgramTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 800);
    private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.ofLiteral("10.0.0.7"), 800);
    private static final MyId LOCKD = new MyId("127.0.0.1", 100_021, 3, 16);
    private static final Opaque PRIV = Opaque.ofHex("00112233445566778899aabbccddeeff");
    private static final Mon MON = new Mon(new MonId("10.0.0.7", LOCKD), PRIV);

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final RecordingSender sender = new RecordingSender(clock);
    private final List<String> heard = new ArrayList<>();
    private NsmService nsm;
    private NsmCalls calls;

    @BeforeEach
    void start() throws IOException {
        Notifier notifier = new Notifier(sender, new ManualScheduler(clock), clock, RetryPolicy.defaults());
        nsm = NsmService.start(NsmConfig.defaults(ServerName.host("nfs.example")), NsmStore.inMemory(), notifier,
                clock);
        nsm.register(LOCKD, (name, state, priv) -> heard.add(name + " " + state));
        calls = new NsmCalls(NsmProgram.create(nsm));
    }

    private SmStatRes mon(InetSocketAddress from, Mon mon) {
        return calls.call(from, NsmProcedures.SM_MON, NsmCodec::writeMon, mon, NsmCodec::readSmStatRes);
    }

    private void notify(InetSocketAddress from, String name, int state) {
        calls.call(from, NsmProcedures.SM_NOTIFY, NsmCodec::writeStatChge, new StatChge(name, state), in -> null);
    }

    @Test
    void theTableListsProceduresZeroToSix() {
        RpcProgram program = NsmProgram.create(nsm);
        assertThat(program.number()).isEqualTo(100_024);
        assertThat(program.version(1).procedures()).extracting(Procedure::name)
                .containsExactly("NULL", "STAT", "MON", "UNMON", "UNMON_ALL", "SIMU_CRASH", "NOTIFY");
    }

    @Test
    void aLocalMonIsTakenAndTheHostWillHearOfOurRestartUnderTheDefaultName() {
        assertThat(mon(LOCAL, MON)).isEqualTo(new SmStatRes(SmRes.STAT_SUCC, 3));
        assertThat(nsm.monitors()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(MON.monId());
            assertThat(m.knownAs()).containsExactly(ServerName.host("nfs.example"));
        });
    }

    @Test
    void aMonFromAnotherHostIsRefused() {
        assertThat(mon(REMOTE, MON)).isEqualTo(new SmStatRes(SmRes.STAT_FAIL, 3));
        assertThat(nsm.monitors()).isEmpty();
        assertThat(nsm.counters().get(NsmEvent.REMOTE_REFUSED)).isOne();
    }

    @Test
    void unmonUnmonAllAndSimuCrashFromAnotherHostDoNothing() {
        mon(LOCAL, MON);
        SmStat unmon = calls.call(REMOTE, NsmProcedures.SM_UNMON, NsmCodec::writeMonId, MON.monId(),
                NsmCodec::readSmStat);
        SmStat all = calls.call(REMOTE, NsmProcedures.SM_UNMON_ALL, NsmCodec::writeMyId, LOCKD, NsmCodec::readSmStat);
        calls.call(REMOTE, NsmProcedures.SM_SIMU_CRASH, XdrWriter.nothing(), null, in -> null);
        assertThat(unmon).isEqualTo(new SmStat(3));
        assertThat(all).isEqualTo(new SmStat(3));
        assertThat(nsm.state()).isEqualTo(3);
        assertThat(nsm.monitors()).hasSize(1);
        assertThat(nsm.counters().get(NsmEvent.REMOTE_REFUSED)).isEqualTo(3);
    }

    @Test
    void localUnmonAndSimuCrashTakeEffect() {
        mon(LOCAL, MON);
        calls.call(LOCAL, NsmProcedures.SM_SIMU_CRASH, XdrWriter.nothing(), null, in -> null);
        assertThat(nsm.state()).isEqualTo(5);
        assertThat(sender.attempts).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(5));
        mon(LOCAL, MON);
        assertThat(calls.call(LOCAL, NsmProcedures.SM_UNMON_ALL, NsmCodec::writeMyId, LOCKD, NsmCodec::readSmStat))
                .isEqualTo(new SmStat(5));
        assertThat(nsm.monitors()).isEmpty();
    }

    @Test
    void statIsOpenToEveryone() {
        assertThat(calls.call(REMOTE, NsmProcedures.SM_STAT, NsmCodec::writeSmName, new SmName("10.0.0.9"),
                NsmCodec::readSmStatRes)).isEqualTo(new SmStatRes(SmRes.STAT_SUCC, 3));
    }

    @Test
    void aNoticeFromAMonitoredClientReachesTheLockManagerAndAStrangersDoesNot() {
        mon(LOCAL, MON);
        notify(REMOTE, "client7.example", 5);
        notify(new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 800), "stranger.example", 7);
        assertThat(heard).containsExactly("10.0.0.7 5");
        assertThat(nsm.monitors()).singleElement().satisfies(m -> assertThat(m.peerState()).isEqualTo(5));
    }
}
