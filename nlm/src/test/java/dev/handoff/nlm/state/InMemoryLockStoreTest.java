package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compare-and-set on whole records, and the client index and wake-up list kept inside the commit. */
class InMemoryLockStoreTest {
    private static final FileKey F = Harness.FILE;
    private final InMemoryLockStore store = new InMemoryLockStore();

    private static FileLocks holding(String... locks) {
        return FileLocks.empty(F).withLocks(Harness.parseAll(String.join(",", locks)));
    }

    @Test
    void aStaleRecordCannotBeCommitted() {
        FileLocks empty = store.load(F);
        assertThat(store.commit(empty, holding("a x 0+10").withVersion(1))).isTrue();
        assertThat(store.commit(empty, holding("b x 0+10").withVersion(1))).isFalse();
        assertThat(store.load(F).locks()).containsExactly(Harness.parse("a x 0+10"));
    }

    @Test
    void aRecordDeletedAndRecreatedDoesNotPassForTheOneLoadedBefore() {
        FileLocks empty = store.load(F);
        store.commit(empty, holding("a x 0+10").withVersion(1));
        FileLocks first = store.load(F);
        store.commit(first, FileLocks.empty(F));
        store.commit(store.load(F), holding("b x 0+10").withVersion(1));
        assertThat(store.load(F).version()).isEqualTo(first.version());
        assertThat(store.commit(first, holding("a x 0+20").withVersion(2))).isFalse();
    }

    @Test
    void theClientIndexFollowsEveryCommitAndEmptiesWithTheTable() {
        Waiter w = new Waiter(Harness.parse("c x 0+10"), Opaque.ofHex("01"), Opaque.EMPTY, Harness.START);
        FileLocks f = holding("a x 0+10", "a s 20+10", "b s 20+10").withWaiters(List.of(w))
                .withShares(List.of(Harness.share("b", ShareAccess.READ, ShareDeny.NONE)));
        store.commit(store.load(F), f.withVersion(1));
        assertThat(store.usage("a")).isEqualTo(new ClientUsage(2, 0, 0));
        assertThat(store.usage("b")).isEqualTo(new ClientUsage(1, 1, 0));
        assertThat(store.usage("c")).isEqualTo(new ClientUsage(0, 0, 1));
        assertThat(store.filesOf("c")).containsExactly(F);

        store.commit(store.load(F), f.withWaiters(List.of()).withVersion(2));
        assertThat(store.filesOf("c")).isEmpty();
        store.commit(store.load(F), FileLocks.empty(F));
        assertThat(store.isEmpty()).isTrue();
        assertThat(store.fileCount()).isZero();
    }

    @Test
    void recordsIsASnapshotOfEveryFileThatLaterCommitsLeaveAlone() {
        store.commit(store.load(F), holding("a x 0+10").withVersion(1));
        store.commit(store.load(Harness.OTHER_FILE),
                FileLocks.empty(Harness.OTHER_FILE).withLocks(List.of(Harness.parse("b s 0+eof"))).withVersion(1));

        List<FileLocks> before = store.records();
        store.commit(store.load(F), FileLocks.empty(F));

        assertThat(before).extracting(FileLocks::file).containsExactlyInAnyOrder(F, Harness.OTHER_FILE);
        assertThat(store.records()).extracting(FileLocks::file).containsExactly(Harness.OTHER_FILE);
    }

    @Test
    void dueListsFilesWhoseWakeUpTimeHasCome() {
        Instant at = Harness.START.plusSeconds(10);
        store.commit(store.load(F), holding("a x 0+10").withWakeAt(at).withVersion(1));
        assertThat(store.due(at.minusNanos(1))).isEmpty();
        assertThat(store.due(at)).containsExactly(F);
        store.commit(store.load(F), store.load(F).withWakeAt(FileLocks.NEVER).withVersion(2));
        assertThat(store.due(at)).isEmpty();
    }

    @Test
    void graceIsComparedAndSetByValue() {
        Grace g = Grace.start(Harness.START, Duration.ofSeconds(90), Set.of("a"));
        assertThat(store.commitGrace(g, Grace.NONE)).isFalse();
        assertThat(store.commitGrace(Grace.NONE, g)).isTrue();
        assertThat(store.grace()).isEqualTo(g);
    }
}
