package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.PendingGrant;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.ShareAccess;
import dev.handoff.nlm.state.ShareDeny;
import dev.handoff.nlm.state.ShareOwner;
import dev.handoff.nlm.state.ShareReservation;
import dev.handoff.nlm.state.Waiter;
import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lock table as the admin API lists it: order, states, totals and the bound. */
class LocksReportTest {
    private static final Instant T = Instant.parse("2025-06-01T10:00:00Z");
    private static final FileKey F1 = FileKey.ofHex("01");
    private static final FileKey F2 = FileKey.ofHex("02");

    private static RangeLock lock(String client, long offset, long length) {
        return new RangeLock(new LockOwner(client, 1, Opaque.EMPTY), LockType.EXCLUSIVE, LockRange.of(offset, length));
    }

    private static Waiter waiter(RangeLock lock) {
        return new Waiter(lock, Opaque.ofHex("aa"), Opaque.EMPTY, T);
    }

    @Test
    void filesComeInKeyOrderHeldLocksBeforeWaitsAndAJustGrantedWaiterIsGranting() {
        RangeLock granted = lock("b", 100, 10);
        FileLocks f2 = FileLocks.empty(F2).withLocks(List.of(lock("a", 0, 10), granted))
                .withGrants(List.of(new PendingGrant(waiter(granted), T)))
                .withWaiters(List.of(waiter(lock("c", 0, 0))));
        FileLocks f1 = FileLocks.empty(F1).withLocks(List.of(lock("d", 0, 1)))
                .withShares(List.of(new ShareReservation(new ShareOwner("e", Opaque.EMPTY), ShareAccess.READ,
                        ShareDeny.NONE)));

        LocksReport r = LocksReport.of(List.of(f2, f1), 100);

        assertThat(r.locks()).extracting(l -> l.file() + " " + l.client() + " " + l.range() + " " + l.state())
                .containsExactly("01 d 0+1 granted", "02 a 0+10 granted", "02 b 100+10 granting", "02 c 0+eof blocked");
        assertThat(r).extracting(LocksReport::files, LocksReport::total, LocksReport::blocked, LocksReport::shares)
                .containsExactly(2, 4, 1, 1);
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void theLimitCutsTheListButNotTheTotals() {
        FileLocks f = FileLocks.empty(F1).withLocks(List.of(lock("a", 0, 1), lock("a", 10, 1), lock("a", 20, 1)));

        LocksReport r = LocksReport.of(List.of(f), 2);

        assertThat(r.locks()).hasSize(2);
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void anEmptyTableIsAnEmptyReport() {
        assertThat(LocksReport.of(List.of(), 10)).isEqualTo(new LocksReport(0, 0, 0, 0, 10, List.of()));
    }
}
