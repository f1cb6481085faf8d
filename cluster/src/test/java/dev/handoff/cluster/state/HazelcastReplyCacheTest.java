package dev.handoff.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.cache.ReplyCache.Lookup;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.dispatch.CallUnavailableException;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real members share one cache: what one member begins or completes, the other sees. */
class HazelcastReplyCacheTest {
    private static final HazelcastReplyCache.Settings SETTINGS =
            new HazelcastReplyCache.Settings("drc", Duration.ofSeconds(180), 1_000);
    private static final Opaque REPLY = Opaque.ofHex("0000002a00000001");
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private Members members;
    private HazelcastReplyCache a;
    private HazelcastReplyCache b;

    @BeforeEach
    void start() {
        members = Members.start(2, SETTINGS);
        a = new HazelcastReplyCache(members.get(0), SETTINGS, clock, 2);
        b = new HazelcastReplyCache(members.get(1), SETTINGS, clock, 2);
    }

    @AfterEach
    void stop() {
        if (members != null) {
            members.close();
        }
    }

    /** Three members, as a cluster is, with a and b on two of them: those two are still a quorum when a dies. */
    private void threeMembers() {
        members.close();
        members = Members.start(3, SETTINGS);
        a = new HazelcastReplyCache(members.get(0), SETTINGS, clock, 2);
        b = new HazelcastReplyCache(members.get(1), SETTINGS, clock, 2);
    }

    static ReplyCacheKey key(int xid) {
        return new ReplyCacheKey(Transport.TCP, new InetSocketAddress("10.0.0.10", 2049),
                new InetSocketAddress("10.0.0.99", 812), xid, 100003, 3, 12, 120, 0x1234);
    }

    @Test
    void aCallCompletedOnOneMemberIsReplayedOnTheOther() {
        assertThat(a.begin(key(1))).isEqualTo(new Lookup.Execute());
        a.complete(key(1), REPLY);
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.Replay(REPLY));
        assertThat(b.hits()).isEqualTo(1);
        assertThat(b.begin(key(2))).as("another xid is another call").isEqualTo(new Lookup.Execute());
    }

    @Test
    void aMarkTooFewMembersConfirmLetsNoCallRunAndIsTakenBack() {
        // A quorum larger than the members: what a member cut off from the majority sees before it notices.
        HazelcastReplyCache cutOff = new HazelcastReplyCache(members.get(0), SETTINGS, clock, 4);

        assertThatThrownBy(() -> cutOff.begin(key(7))).isInstanceOf(CallUnavailableException.class)
                .hasMessageContaining("not known to be on a majority");
        assertThat(b.begin(key(7))).as("no mark left behind to drop the retransmission")
                .isEqualTo(new Lookup.Execute());
    }

    @Test
    void aRetransmissionOfACallRunningOnOneMemberIsDroppedOnTheOther() {
        assertThat(a.begin(key(1))).isEqualTo(new Lookup.Execute());
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.InProgress());
        assertThat(a.begin(key(1))).isEqualTo(new Lookup.InProgress());
        assertThat(b.drops()).isEqualTo(1);
    }

    @Test
    void aReplyStoredBeforeItsMemberDiedIsReplayedFromTheBackup() {
        for (int xid = 1; xid <= 20; xid++) {
            a.begin(key(xid));
            a.complete(key(xid), REPLY);
        }
        members.terminate(0);
        for (int xid = 1; xid <= 20; xid++) {
            assertThat(b.begin(key(xid))).as("xid %d", xid).isEqualTo(new Lookup.Replay(REPLY));
        }
    }

    @Test
    void aTakeoverTooFewMembersConfirmLeavesTheDeadMembersMarkForTheNextRun() {
        threeMembers();
        a.begin(key(1));
        members.terminate(0);
        HazelcastReplyCache cutOff = new HazelcastReplyCache(members.get(1), SETTINGS, clock, 4);

        assertThatThrownBy(() -> cutOff.begin(key(1))).isInstanceOf(CallUnavailableException.class);
        assertThat(b.begin(key(1))).as("still told that a's run may have happened")
                .isEqualTo(new Lookup.Execute(true));
    }

    @Test
    void aCallInProgressOnAMemberThatDiedIsTakenOverByTheRetransmission() {
        threeMembers();
        a.begin(key(1));
        members.terminate(0);
        assertThat(b.begin(key(1))).as("a's run may have happened").isEqualTo(new Lookup.Execute(true));
        assertThat(b.takeovers()).isEqualTo(1);
        assertThat(b.begin(key(1))).as("now b's own run").isEqualTo(new Lookup.InProgress());
        b.complete(key(1), REPLY);
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.Replay(REPLY));
    }

    @Test
    void anInProgressMarkOlderThanTheTtlNoLongerDropsRetransmissions() {
        a.begin(key(1));
        now.set(T0.plus(SETTINGS.ttl()).minusSeconds(1));
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.InProgress());
        now.set(T0.plus(SETTINGS.ttl()));
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.Execute(true));
    }

    @Test
    void aRepeatableCallKeepsItsMarkOnItsMemberAndSharesItsReply() {
        assertThat(a.beginRepeatable(key(1))).isEqualTo(new Lookup.Execute());
        assertThat(a.beginRepeatable(key(1))).as("a copy arriving where it runs").isEqualTo(new Lookup.InProgress());
        assertThat(a.drops()).isEqualTo(1);
        assertThat(members.get(1).getMap(SETTINGS.mapName()).containsKey(key(1))).as("no shared mark").isFalse();
        assertThat(b.beginRepeatable(key(1))).as("another member does not see the run").isEqualTo(new Lookup.Execute());

        a.complete(key(1), REPLY);
        assertThat(a.beginRepeatable(key(1))).isEqualTo(new Lookup.Replay(REPLY));
        assertThat(a.beginRepeatable(key(1))).as("a replay leaves no mark").isEqualTo(new Lookup.Replay(REPLY));
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.Replay(REPLY));
        b.abandon(key(1));
        assertThat(b.beginRepeatable(key(1))).as("b's own run was forgotten; the reply is there")
                .isEqualTo(new Lookup.Replay(REPLY));
    }

    @Test
    void aRepeatableCallAbandonedOrFailedLeavesNoMark() {
        assertThat(a.beginRepeatable(key(1))).isEqualTo(new Lookup.Execute());
        a.abandon(key(1));
        assertThat(a.beginRepeatable(key(1))).isEqualTo(new Lookup.Execute());
        a.complete(key(1), Opaque.copyOf(new byte[ReplyEntrySerializer.MAX_REPLY + 1]));
        assertThat(a.uncached()).isEqualTo(1);
        assertThat(a.beginRepeatable(key(1))).as("too large to keep: runs again").isEqualTo(new Lookup.Execute());
    }

    @Test
    void repeatableCallsStillRunningWhenTheirVipMovesShareTheirMarks() throws Exception {
        assertThat(a.beginRepeatable(key(1))).isEqualTo(new Lookup.Execute());
        assertThat(a.beginRepeatable(key(2))).isEqualTo(new Lookup.Execute());
        a.complete(key(2), REPLY);
        assertThat(a.shareRunning(java.net.InetAddress.getByName("10.0.0.11"))).as("another address").isZero();
        assertThat(a.shareRunning(java.net.InetAddress.getByName("10.0.0.10"))).as("key 1 only").isEqualTo(1);
        assertThat(b.beginRepeatable(key(1))).as("the next owner drops it while it runs")
                .isEqualTo(new Lookup.InProgress());
        a.complete(key(1), REPLY);
        assertThat(b.beginRepeatable(key(1))).isEqualTo(new Lookup.Replay(REPLY));

        assertThat(a.beginRepeatable(key(3))).isEqualTo(new Lookup.Execute());
        a.shareRunning(java.net.InetAddress.getByName("10.0.0.10"));
        a.abandon(key(3));
        assertThat(b.beginRepeatable(key(3))).as("an abandoned run takes its shared mark with it")
                .isEqualTo(new Lookup.Execute());
    }

    @Test
    void aRepeatableCallMeetsASharedMark() {
        threeMembers();
        a.begin(key(1));
        assertThat(b.beginRepeatable(key(1))).as("a runs it").isEqualTo(new Lookup.InProgress());
        members.terminate(0);
        assertThat(b.beginRepeatable(key(1))).as("a left mid-call").isEqualTo(new Lookup.Execute(true));
        b.complete(key(1), REPLY);
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.Replay(REPLY));
    }

    @Test
    void abandonForgetsOnlyTheMembersOwnMark() {
        a.begin(key(1));
        b.abandon(key(1));
        assertThat(b.begin(key(1))).as("a's mark stays").isEqualTo(new Lookup.InProgress());
        a.abandon(key(1));
        assertThat(b.begin(key(1))).isEqualTo(new Lookup.Execute());
    }

    @Test
    void eachMemberHoldsABoundedNumberOfEntries() {
        HazelcastReplyCache.Settings small = new HazelcastReplyCache.Settings("drc-small", Duration.ofSeconds(180),
                100);
        members.get(0).getConfig().addMapConfig(HazelcastReplyCache.mapConfig(small));
        HazelcastReplyCache sa = new HazelcastReplyCache(members.get(0), small, clock, 2);
        for (int xid = 0; xid < 2_000; xid++) {
            sa.begin(key(xid));
            sa.complete(key(xid), REPLY);
        }
        // Hazelcast bounds each partition at its share of the per-member size, so the total is approximate.
        assertThat(members.get(1).getMap("drc-small").size()).isLessThanOrEqualTo(2 * 100);
        assertThat(sa.begin(key(1_999))).as("recent entries stay").isEqualTo(new Lookup.Replay(REPLY));
    }

    @Test
    void eachMemberHoldsABoundedNumberOfBytesAndCountsItsEvictions() {
        HazelcastReplyCache.Settings small = new HazelcastReplyCache.Settings("drc-bytes", Duration.ofSeconds(180),
                1_000_000, 1024 * 1024);
        members.get(0).getConfig().addMapConfig(HazelcastReplyCache.mapConfig(small));
        members.get(1).getConfig().addMapConfig(HazelcastReplyCache.mapConfig(small));
        HazelcastReplyCache sa = new HazelcastReplyCache(members.get(0), small, clock, 2);
        HazelcastReplyCache sb = new HazelcastReplyCache(members.get(1), small, clock, 2);
        Opaque big = Opaque.copyOf(new byte[4096]);
        for (int xid = 0; xid < 2_000; xid++) {   // 8 MiB of replies into a 1 MiB bound
            sa.begin(key(xid));
            sa.complete(key(xid), big);
        }
        for (HazelcastReplyCache c : java.util.List.of(sa, sb)) {
            // Each member's own entries within the bound; it keeps as much again as the other's backups.
            assertThat(c.bytes()).isLessThanOrEqualTo(2 * (1024 * 1024 + 64 * 1024));
        }
        assertThat(sa.evictions() + sb.evictions()).isGreaterThan(1_000);
        assertThat(sa.begin(key(1_999))).as("recent entries stay").isEqualTo(new Lookup.Replay(big));
    }

    @Test
    void entriesExpireAfterTheirTtl() throws InterruptedException {
        HazelcastReplyCache.Settings shortLived = new HazelcastReplyCache.Settings("drc-short", Duration.ofSeconds(1),
                1_000);
        HazelcastReplyCache sa = new HazelcastReplyCache(members.get(0), shortLived, clock, 2);
        HazelcastReplyCache sb = new HazelcastReplyCache(members.get(1), shortLived, clock, 2);
        sa.begin(key(1));
        sa.complete(key(1), REPLY);
        assertThat(sb.begin(key(1))).isEqualTo(new Lookup.Replay(REPLY));
        // Hazelcast's own expiry, in real time: the one wait in these tests, kept to its one-second minimum.
        Thread.sleep(2_100);
        assertThat(sb.begin(key(1))).isEqualTo(new Lookup.Execute());
    }

    /** Replies nobody asks for again must still go when their TTL ends, not pile up to the size bound. */
    @Test
    void repliesNeverReadAgainAreSweptAwayAfterTheirTtl() throws InterruptedException {
        HazelcastReplyCache.Settings shortLived = new HazelcastReplyCache.Settings("drc-sweep", Duration.ofSeconds(1),
                10_000);
        // Quorum 1: no confirmation round trip per mark, so that 2,000 entries are written well within their TTL.
        HazelcastReplyCache sa = new HazelcastReplyCache(members.get(0), shortLived, clock, 1);
        HazelcastReplyCache sb = new HazelcastReplyCache(members.get(1), shortLived, clock, 1);
        for (int xid = 0; xid < 2_000; xid++) {
            sa.begin(key(xid));
            sa.complete(key(xid), REPLY);
        }
        assertThat(sa.entries() + sb.entries()).isGreaterThan(1_000);
        // The sweep runs every 5 s; at Hazelcast's default 10% per run this took minutes.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sa.entries() + sb.entries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(sa.entries() + sb.entries()).as("entries left 30 s after a 1 s TTL").isZero();
    }
}
