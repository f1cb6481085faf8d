package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory table's counts follow every commit, lost races included, and empty with the table. */
class LockTallyTest {
    private final InMemoryLockStore store = new InMemoryLockStore();

    private static Waiter waiter(String spec) {
        return new Waiter(Harness.parse(spec), Opaque.ofHex("01"), Opaque.EMPTY, Harness.START);
    }

    @Test
    void anEmptyTableCountsNothing() {
        assertThat(store.tally()).isEqualTo(LockTally.EMPTY);
    }

    @Test
    void locksSharesAndWaitersAreCountedAcrossFiles() {
        store.commit(store.load(Harness.FILE), FileLocks.empty(Harness.FILE)
                .withLocks(Harness.parseAll("a x 0+10,b s 20+10"))
                .withShares(List.of(Harness.share("b", ShareAccess.READ, ShareDeny.NONE)))
                .withWaiters(List.of(waiter("c x 0+10"), waiter("d x 5+1"))).withVersion(1));
        store.commit(store.load(Harness.OTHER_FILE), FileLocks.empty(Harness.OTHER_FILE)
                .withLocks(Harness.parseAll("a x 0+1")).withVersion(1));

        assertThat(store.tally()).isEqualTo(new LockTally(2, 3, 1, 2, 0));
    }

    @Test
    void aReplacedRecordCountsOnlyWhatItHoldsNow() {
        FileLocks f = FileLocks.empty(Harness.FILE).withLocks(Harness.parseAll("a x 0+10"))
                .withWaiters(List.of(waiter("c x 0+10")));
        store.commit(store.load(Harness.FILE), f.withVersion(1));
        store.commit(store.load(Harness.FILE), f.withWaiters(List.of()).withVersion(2));

        assertThat(store.tally()).isEqualTo(new LockTally(1, 1, 0, 0, 0));
    }

    @Test
    void aLostRaceChangesNoCount() {
        FileLocks empty = store.load(Harness.FILE);
        store.commit(empty, FileLocks.empty(Harness.FILE).withLocks(Harness.parseAll("a x 0+10")).withVersion(1));
        store.commit(empty, FileLocks.empty(Harness.FILE).withLocks(Harness.parseAll("b x 0+10,b x 20+1"))
                .withVersion(1));

        assertThat(store.tally().locks()).isEqualTo(1);
    }

    @Test
    void releasingEverythingBringsTheCountsBackToZero() {
        store.commit(store.load(Harness.FILE), FileLocks.empty(Harness.FILE)
                .withLocks(Harness.parseAll("a x 0+10")).withWaiters(List.of(waiter("c x 0+10"))).withVersion(1));
        store.commit(store.load(Harness.FILE), FileLocks.empty(Harness.FILE));

        assertThat(store.tally()).isEqualTo(LockTally.EMPTY);
    }

    @Test
    void aStoreThatCountsOnlyFilesSaysTheRestIsUnknown() {
        LockStore filesOnly = new LockStore() {
            @Override
            public FileLocks load(FileKey file) {
                return FileLocks.empty(file);
            }

            @Override
            public boolean commit(FileLocks expected, FileLocks next) {
                return false;
            }

            @Override
            public java.util.Set<FileKey> filesOf(String callerName) {
                return java.util.Set.of();
            }

            @Override
            public ClientUsage usage(String callerName) {
                return ClientUsage.NONE;
            }

            @Override
            public java.util.Collection<FileKey> due(java.time.Instant now) {
                return List.of();
            }

            @Override
            public Grace grace() {
                return Grace.NONE;
            }

            @Override
            public boolean commitGrace(Grace expected, Grace next) {
                return false;
            }

            @Override
            public int fileCount() {
                return 7;
            }
        };

        assertThat(filesOnly.tally()).isEqualTo(new LockTally(7, LockTally.UNKNOWN, LockTally.UNKNOWN,
                LockTally.UNKNOWN, LockTally.UNKNOWN));
    }
}
