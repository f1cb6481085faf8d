package dev.handoff.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.state.ClientUsage;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.Grace;
import dev.handoff.nlm.state.Harness;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockStatus;
import dev.handoff.nlm.state.PendingGrant;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.ShareAccess;
import dev.handoff.nlm.state.ShareDeny;
import dev.handoff.nlm.state.Waiter;
import dev.handoff.rpc.xdr.Opaque;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three real members, each with its own store over the one shared table. */
class HazelcastLockStoreTest {
    private static final FileKey F = Harness.FILE;
    private static final Instant T0 = Harness.START;

    private Members members;
    private HazelcastLockStore a;
    private HazelcastLockStore b;
    private HazelcastLockStore c;

    @BeforeEach
    void start() {
        members = Members.start(3, HazelcastReplyCache.Settings.DEFAULT);
        a = new HazelcastLockStore(members.get(0), 2);
        b = new HazelcastLockStore(members.get(1), 2);
        c = new HazelcastLockStore(members.get(2), 2);
    }

    @AfterEach
    void stop() {
        if (members != null) {
            members.close();
        }
    }

    private static FileLocks holding(FileKey file, String... locks) {
        return FileLocks.empty(file).withLocks(List.of(locks).stream().map(Harness::parse).toList());
    }

    @Test
    void ofTwoMembersCommittingOverTheSameRecordOnlyOneWins() {
        FileLocks seenByA = a.load(F);
        FileLocks seenByB = b.load(F);
        assertThat(a.commit(seenByA, holding(F, "a x 0+10").withVersion(1))).isTrue();
        assertThat(b.commit(seenByB, holding(F, "b x 0+10").withVersion(1))).isFalse();

        FileLocks v1 = b.load(F);
        assertThat(b.commit(v1, holding(F, "a x 0+10", "b s 20+5").withVersion(2))).isTrue();
        assertThat(a.commit(v1, FileLocks.empty(F))).as("a deletes from a stale copy").isFalse();
        assertThat(c.load(F).locks()).hasSize(2);
    }

    @Test
    void concurrentCommitsFromEveryMemberLoseNoUpdate() throws Exception {
        List<HazelcastLockStore> stores = List.of(a, b, c, a, b, c);
        int perThread = 20;
        List<Thread> threads = new ArrayList<>();
        AtomicInteger lostRaces = new AtomicInteger();
        for (int t = 0; t < stores.size(); t++) {
            HazelcastLockStore s = stores.get(t);
            String owner = "t" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    while (true) {
                        FileLocks f = s.load(F);
                        List<RangeLock> locks = new ArrayList<>(f.locks());
                        locks.add(Harness.parse(owner + " s " + i + "+1"));
                        if (s.commit(f, f.withLocks(locks).withVersion(f.version() + 1))) {
                            break;
                        }
                        lostRaces.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        FileLocks f = c.load(F);
        assertThat(f.version()).isEqualTo(stores.size() * perThread);
        assertThat(f.locks()).hasSize(stores.size() * perThread);
        assertThat(c.usage("t0")).isEqualTo(new ClientUsage(perThread, 0, 0));
    }

    @Test
    void aRecordDeletedAndRecreatedDoesNotPassForTheOneLoadedBefore() {
        a.commit(a.load(F), holding(F, "a x 0+10").withVersion(1));
        FileLocks first = b.load(F);
        assertThat(a.commit(first, FileLocks.empty(F))).isTrue();
        assertThat(a.commit(a.load(F), holding(F, "b x 0+10").withVersion(1))).isTrue();
        assertThat(c.commit(first, holding(F, "a x 0+20").withVersion(2))).isFalse();
        assertThat(c.commit(FileLocks.empty(F).withVersion(3), holding(F, "c x 0+1"))).isFalse();
    }

    @Test
    void theClientIndexIsDerivedFromTheRecordsOnEveryMember() {
        FileKey g = FileKey.ofHex("f2");
        Waiter w = new Waiter(Harness.parse("c x 0+10"), Opaque.ofHex("01"), Opaque.EMPTY, T0);
        a.commit(a.load(F), holding(F, "a x 0+10", "b s 20+10").withWaiters(List.of(w))
                .withShares(List.of(Harness.share("b", ShareAccess.READ, ShareDeny.NONE))).withVersion(1));
        b.commit(b.load(g), holding(g, "a s 0+eof").withVersion(1));

        assertThat(c.filesOf("a")).containsExactlyInAnyOrder(F, g);
        assertThat(c.usage("a")).isEqualTo(new ClientUsage(2, 0, 0));
        assertThat(b.usage("b")).isEqualTo(new ClientUsage(1, 1, 0));
        assertThat(a.usage("c")).isEqualTo(new ClientUsage(0, 0, 1));
        assertThat(a.filesOf("nobody")).isEmpty();

        c.commit(c.load(F), FileLocks.empty(F));
        assertThat(a.filesOf("a")).containsExactly(g);
        assertThat(b.filesOf("c")).isEmpty();
        assertThat(b.usage("b")).isEqualTo(ClientUsage.NONE);
    }

    @Test
    void withRecordsNamesTheFilesOfABatchThatHoldAnything() {
        FileKey g = FileKey.ofHex("f2");
        a.commit(a.load(F), holding(F, "a x 0+10").withVersion(1));
        List<FileKey> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(FileKey.ofHex(String.format("e0%04x", i)));
        }
        batch.add(F);
        batch.add(g);
        assertThat(c.withRecords(batch)).containsExactly(F);
        assertThat(b.withRecords(List.of(g))).isEmpty();
    }

    @Test
    void dueListsExactlyTheFilesWhoseWakeUpTimeHasCome() {
        Instant at = T0.plusSeconds(10).plusMillis(500);
        a.commit(a.load(F), holding(F, "a x 0+10").withWakeAt(at).withVersion(1));
        b.commit(b.load(FileKey.ofHex("f2")), holding(FileKey.ofHex("f2"), "a x 0+10").withVersion(1));
        assertThat(c.due(at.minusMillis(1))).as("same second, not yet").isEmpty();
        assertThat(c.due(at)).containsExactly(F);
        b.commit(b.load(F), b.load(F).withWakeAt(FileLocks.NEVER).withVersion(2));
        assertThat(a.due(at.plusSeconds(3600))).isEmpty();
    }

    @Test
    void graceIsComparedAndSetByValueAcrossMembers() {
        Grace g = Grace.start(T0, Duration.ofSeconds(90), Set.of("x", "y", "z"));
        assertThat(a.commitGrace(g, Grace.NONE)).isFalse();
        assertThat(a.commitGrace(Grace.NONE, g)).isTrue();
        assertThat(b.commitGrace(Grace.NONE, g)).isFalse();
        assertThat(b.grace()).isEqualTo(g);
        Grace later = g.reclaimBy("y");
        assertThat(c.commitGrace(Grace.start(T0, Duration.ofSeconds(90), Set.of("z", "y", "x")), later)).isTrue();
        assertThat(a.commitGrace(later, Grace.NONE)).isTrue();
        assertThat(b.grace()).isEqualTo(Grace.NONE);
    }

    @Test
    void everyPartOfARecordComesBackAsItWasWritten() {
        Waiter w = new Waiter(Harness.parse("w:7 x 18446744073709551600+eof"), Opaque.ofHex("c0ffee"),
                Opaque.ofHex("0a000063"), T0.plusNanos(123_456_789));
        Waiter granted = new Waiter(Harness.parse("g s 5+1"), Opaque.ofHex("02"), Opaque.EMPTY, T0);
        FileLocks f = holding(F, "a x 0+10", "b:-3 s 10+eof").withWaiters(List.of(w))
                .withGrants(List.of(new PendingGrant(granted, T0.plusSeconds(1))))
                .withShares(List.of(Harness.share("ü-host", ShareAccess.READ_WRITE, ShareDeny.WRITE)))
                .withWakeAt(T0.plusMillis(1)).withVersion(Long.MAX_VALUE);
        assertThat(a.commit(a.load(F), f)).isTrue();
        assertThat(b.load(F)).isEqualTo(f);
    }

    @Test
    void locksSurviveTheDeathOfTheMemberThatGrantedThem() {
        LockManager onA = new LockManager(a, LockConfig.DEFAULT);
        for (int i = 0; i < 20; i++) {
            FileKey file = FileKey.ofHex(String.format("%02x", i + 1));
            assertThat(onA.on(new LockInput.Lock(file, Harness.parse("a x 0+10"), false, false, Opaque.EMPTY,
                    Opaque.EMPTY, T0)).status()).isEqualTo(LockStatus.GRANTED);
        }
        members.terminate(0);
        LockManager onB = new LockManager(b, LockConfig.DEFAULT);
        assertThat(c.filesOf("a")).hasSize(20);
        assertThat(onB.on(new LockInput.Lock(FileKey.ofHex("07"), Harness.parse("b x 5+1"), false, false,
                Opaque.EMPTY, Opaque.EMPTY, T0)).status()).isEqualTo(LockStatus.DENIED);
        onB.on(new LockInput.FreeAll("a", T0));
        assertThat(c.fileCount()).isZero();
    }
}
