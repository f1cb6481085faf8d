package dev.handoff.cluster.vip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One machine driven by hand: inputs, a manual clock, and the effects it asks for. */
class VipOwnershipTest {
    private static final VipId V = new VipId("v1");
    private static final NodeId A = new NodeId("a");
    private static final NodeId B = new NodeId("b");
    private static final NodeId C = new NodeId("c");
    private static final VipConfig CONFIG = VipConfig.defaults();
    private static final Duration LEASE = CONFIG.lease();
    private static final Duration EXPIRY = CONFIG.lease().plus(CONFIG.margin());

    private Instant now = Instant.ofEpochSecond(500);
    private VipOwnership a;

    @BeforeEach
    void joinThreeNodeCluster() {
        a = new VipOwnership(A, CONFIG, now);
        a.on(new VipInput.QuorumRegained(), now);
        a.on(new VipInput.MembersChanged(Set.of(A, B, C)), now);
    }

    private List<VipEffect> on(VipInput input) {
        return a.on(input, now).effects();
    }

    private List<VipEffect> tick() {
        return on(new VipInput.Tick());
    }

    private void advance(Duration d) {
        now = now.plus(d);
    }

    private VipRecord serveAfterClaim() {
        VipRecord free = VipRecord.initial(V, B);
        on(new VipInput.TableChanged(List.of(free)));
        List<VipEffect> claim = tick();
        VipRecord mine = free.next(A, 1, VipState.SERVING, null);
        assertThat(claim).containsExactly(new VipEffect.WriteRecord(free, mine));
        return mine;
    }

    @Test
    void aFreeVipIsServedOnlyAfterTheClaimIsApplied() {
        VipRecord mine = serveAfterClaim();
        assertThat(a.mayServe(V, now)).isFalse();
        advance(Duration.ofMillis(10));
        assertThat(on(new VipInput.WriteResult(mine, true))).containsExactly(new VipEffect.AddAddress(V),
                new VipEffect.Announce(V), new VipEffect.StartServing(V, 1));
        assertThat(a.mayServe(V, now)).isTrue();
        assertThat(a.count(VipEvent.CLAIM_WON)).isEqualTo(1);
    }

    @Test
    void theLeaseRunsFromTheSendTimeOfTheLastAppliedWriteAndEndsOnItsOwnWithoutInput() {
        VipRecord mine = serveAfterClaim();
        Instant sent = now;
        advance(Duration.ofMillis(900));
        on(new VipInput.WriteResult(mine, true));
        // Cut off from here on: renewals are sent but never answered.
        advance(LEASE.minusMillis(901));
        assertThat(a.mayServe(V, now)).isTrue();
        advance(Duration.ofMillis(1));
        assertThat(now).isEqualTo(sent.plus(LEASE));
        assertThat(a.mayServe(V, now)).isFalse();
        assertThat(tick()).containsExactly(new VipEffect.StopServing(V), new VipEffect.RemoveAddress(V),
                new VipEffect.CloseConnections(V));
        assertThat(a.count(VipEvent.LEASE_EXPIRED)).isEqualTo(1);
    }

    @Test
    void anOwnerWithoutQuorumSendsNothingAndStopsWhenTheLeaseRunsOut() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        on(new VipInput.QuorumLost());
        advance(CONFIG.renewEvery());
        assertThat(tick()).isEmpty();
        advance(LEASE.minus(CONFIG.renewEvery()));
        assertThat(tick()).contains(new VipEffect.StopServing(V), new VipEffect.RemoveAddress(V));
    }

    @Test
    void renewalsAreSentEachPeriodAndExtendTheLease() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        advance(CONFIG.renewEvery());
        VipRecord renewed = mine.renewed();
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(mine, renewed));
        Instant sent = now;
        on(new VipInput.WriteResult(renewed, true));
        now = sent.plus(LEASE).minusMillis(1);
        assertThat(a.mayServe(V, now)).isTrue();
    }

    /**
     * The cut-off side of a partition: the member storing the row tells this node's listener of its renewal, but
     * the write comes back as not known to be on a majority. The lease must not count from it.
     */
    @Test
    void ownRowsHeardOfButNotConfirmedByTheirWritesGiveNoLease() {
        VipRecord free = VipRecord.initial(V, B);
        on(new VipInput.TableChanged(List.of(free)));
        tick();
        VipRecord mine = free.next(A, 1, VipState.SERVING, null);
        assertThat(on(new VipInput.TableChanged(List.of(mine)))).as("a claim heard of").isEmpty();
        assertThat(a.mayServe(V, now)).isFalse();
        on(new VipInput.WriteResult(mine, true));
        assertThat(a.mayServe(V, now)).isTrue();

        Instant claimed = now;
        advance(CONFIG.renewEvery());
        VipRecord renewed = mine.renewed();
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(mine, renewed));
        assertThat(on(new VipInput.TableChanged(List.of(renewed)))).as("a renewal heard of").isEmpty();
        on(new VipInput.WriteResult(renewed, false));
        assertThat(a.count(VipEvent.RENEWED)).isZero();
        now = claimed.plus(LEASE);
        assertThat(a.mayServe(V, now)).as("the lease still counts from the claim").isFalse();
        assertThat(tick()).contains(new VipEffect.StopServing(V), new VipEffect.RemoveAddress(V));
    }

    /**
     * After a split-brain merge: the side that lost wrote a renewal its listeners heard of, and the merged table
     * holds the row from before it. A claim must expect what the table holds, or it fails for as long as nobody
     * writes the row again (a VIP without owner for minutes, found by the failover torture test).
     */
    @Test
    void aRowReadFromTheTableReplacesAHigherRenewalHeardOfBefore() {
        VipRecord held = VipRecord.initial(V, B).next(B, 1, VipState.SERVING, null);
        VipRecord heardFromTheLosingSide = held.renewed();
        on(new VipInput.TableChanged(List.of(held)));
        on(new VipInput.TableChanged(List.of(heardFromTheLosingSide)));
        on(new VipInput.TableRead(List.of(held)));
        advance(EXPIRY.multipliedBy(2));
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(held, held.next(A, 2, VipState.SERVING, null)));
    }

    @Test
    void aLateNotificationOfAnOlderRowIsIgnored() {
        VipRecord held = VipRecord.initial(V, B).next(B, 1, VipState.SERVING, null);
        VipRecord renewed = held.renewed();
        on(new VipInput.TableChanged(List.of(renewed)));
        on(new VipInput.TableChanged(List.of(held)));
        assertThat(a.seen(V)).contains(renewed);
    }

    @Test
    void aRetryOfTheSameRowKeepsTheLeaseFromTheFirstSend() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        advance(CONFIG.renewEvery());
        Instant firstSend = now;
        VipRecord renewed = mine.renewed();
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(mine, renewed));
        advance(CONFIG.writeTimeout());
        // The first attempt went unanswered; the retry asks for the very same row.
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(mine, renewed));
        // Whichever attempt stored it, the others may have seen it since the first was sent.
        on(new VipInput.WriteResult(renewed, true));
        now = firstSend.plus(LEASE);
        assertThat(a.mayServe(V, now)).isFalse();
    }

    @Test
    void anotherOwnersRowIsTakenOnlyAfterLeasePlusMarginWithoutChangeOnOurClock() {
        VipRecord theirs = new VipRecord(V, B, 4, VipState.SERVING, 17, null);
        on(new VipInput.TableChanged(List.of(theirs)));
        advance(EXPIRY.minusMillis(1));
        // Hearing the same row again does not restart the wait; a renewal would.
        on(new VipInput.TableChanged(List.of(theirs)));
        assertThat(tick()).isEmpty();
        advance(Duration.ofMillis(1));
        // b is the silent owner; a and c are candidates, a wins the tie by name.
        VipRecord taken = theirs.next(A, 5, VipState.SERVING, null);
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(theirs, taken));
        assertThat(on(new VipInput.WriteResult(taken, true))).containsExactly(new VipEffect.AddAddress(V),
                new VipEffect.Announce(V), new VipEffect.SendTickles(V), new VipEffect.StartServing(V, 5));
    }

    @Test
    void aRenewalSeenRestartsTheWait() {
        VipRecord theirs = new VipRecord(V, B, 4, VipState.SERVING, 17, null);
        on(new VipInput.TableChanged(List.of(theirs)));
        advance(EXPIRY.minusMillis(1));
        on(new VipInput.TableChanged(List.of(theirs.renewed())));
        advance(Duration.ofMillis(1));
        assertThat(tick()).isEmpty();
    }

    @Test
    void aLateDeliveryOfAnOlderRowIsIgnored() {
        VipRecord theirs = new VipRecord(V, B, 4, VipState.SERVING, 17, null);
        on(new VipInput.TableChanged(List.of(theirs.renewed())));
        on(new VipInput.TableChanged(List.of(theirs)));
        assertThat(a.seen(V)).contains(theirs.renewed());
    }

    @Test
    void aRowNamingSomeoneElseStopsUsAtOnce() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        VipRecord stolen = mine.next(B, 2, VipState.SERVING, null);
        assertThat(on(new VipInput.TableChanged(List.of(stolen)))).containsExactly(new VipEffect.StopServing(V),
                new VipEffect.RemoveAddress(V), new VipEffect.CloseConnections(V));
        assertThat(a.count(VipEvent.FENCED)).isEqualTo(1);
    }

    @Test
    void aClaimAnsweredOnlyAfterALeaseWorthOfPauseIsNotServed() {
        VipRecord mine = serveAfterClaim();
        advance(LEASE);
        // The write timeout gave the claim up first; a late row naming us is judged like a stranger's.
        assertThat(on(new VipInput.WriteResult(mine, true))).isEmpty();
        assertThat(a.mayServe(V, now)).isFalse();
        assertThat(a.count(VipEvent.CLAIM_ABANDONED)).isEqualTo(1);
    }

    @Test
    void aPlannedMoveDrainsRemovesTheAddressThenNamesTheTargetWithTheNextEpoch() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        VipRecord releasing = mine.next(A, 1, VipState.RELEASING, C);
        assertThat(on(new VipInput.MoveRequested(V, C))).containsExactly(new VipEffect.WriteRecord(mine, releasing));
        assertThat(a.mayServe(V, now)).isTrue();
        assertThat(on(new VipInput.WriteResult(releasing, true))).containsExactly(new VipEffect.StopServing(V));
        assertThat(a.mayServe(V, now)).isFalse();
        VipRecord handoff = releasing.next(C, 2, VipState.ACQUIRING, null);
        assertThat(on(new VipInput.DrainDone(V))).containsExactly(new VipEffect.RemoveAddress(V),
                new VipEffect.WriteRecord(releasing, handoff));
        assertThat(on(new VipInput.WriteResult(handoff, true))).containsExactly(new VipEffect.CloseConnections(V));
        assertThat(a.phase(V)).isEqualTo("watching");
    }

    @Test
    void aReleaseTheTableDidNotTakeIsSentAgainFromTheRowReadBack() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        on(new VipInput.MoveRequested(V, C));
        // The table held a later renewal than this node's view had (a read had crossed it): nothing written.
        assertThat(on(new VipInput.WriteResult(mine.next(A, 1, VipState.RELEASING, C), false))).isEmpty();
        assertThat(a.count(VipEvent.RELEASE_FAILED)).isEqualTo(1);
        VipRecord held = mine.renewed();
        on(new VipInput.TableRead(List.of(held)));
        assertThat(tick()).containsExactly(new VipEffect.WriteRecord(held, held.next(A, 1, VipState.RELEASING, C)));
        assertThat(a.mayServe(V, now)).isTrue();
    }

    @Test
    void aDrainThatOutlastsTheLeaseEndsWithTheLeaseAndNamesNobody() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        on(new VipInput.MoveRequested(V, C));
        on(new VipInput.WriteResult(mine.next(A, 1, VipState.RELEASING, C), true));
        advance(LEASE);
        assertThat(tick()).containsExactly(new VipEffect.RemoveAddress(V), new VipEffect.CloseConnections(V));
        assertThat(on(new VipInput.DrainDone(V))).isEmpty();
    }

    @Test
    void theTargetOfAMoveWaitsForTheHandoffRowBeforeDoingAnything() {
        VipRecord releasing = new VipRecord(V, B, 3, VipState.RELEASING, 9, A);
        assertThat(on(new VipInput.TableChanged(List.of(releasing)))).isEmpty();
        assertThat(tick()).isEmpty();
        VipRecord handoff = releasing.next(A, 4, VipState.ACQUIRING, null);
        VipRecord accepted = handoff.next(A, 4, VipState.SERVING, null);
        assertThat(on(new VipInput.TableChanged(List.of(handoff))))
                .containsExactly(new VipEffect.WriteRecord(handoff, accepted));
        assertThat(on(new VipInput.WriteResult(accepted, true))).containsExactly(new VipEffect.AddAddress(V),
                new VipEffect.Announce(V), new VipEffect.StartServing(V, 4));
    }

    @Test
    void aMoveToAMemberThatIsNotAliveIsIgnored() {
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        assertThat(on(new VipInput.MoveRequested(V, new NodeId("gone")))).isEmpty();
        assertThat(a.count(VipEvent.MOVE_IGNORED)).isEqualTo(1);
        assertThat(a.mayServe(V, now)).isTrue();
    }

    @Test
    void aStrayAddressIsRemovedAndALostOneRestored() {
        assertThat(on(new VipInput.AddressChanged(V, true))).containsExactly(new VipEffect.RemoveAddress(V));
        VipRecord mine = serveAfterClaim();
        on(new VipInput.WriteResult(mine, true));
        assertThat(on(new VipInput.AddressChanged(V, false))).containsExactly(new VipEffect.AddAddress(V),
                new VipEffect.Announce(V));
    }

    @Test
    void aDrainingNodeReportsOnceItHoldsNothing() {
        on(new VipInput.DrainNode(A));
        assertThat(tick()).containsExactly(new VipEffect.NodeDrained(A));
        assertThat(tick()).isEmpty();
        assertThat(a.count(VipEvent.NODE_DRAINED)).isEqualTo(1);
    }
}
