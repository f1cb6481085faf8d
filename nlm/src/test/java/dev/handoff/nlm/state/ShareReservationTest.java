package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Share reservations: the access × deny matrix, replacement by the same owner, and independence from locks. */
class ShareReservationTest {

    @ParameterizedTest(name = "held {0}/deny {1}, asked {2}/deny {3}: {4}")
    @CsvSource({
            "READ, NONE, READ, NONE, GRANTED",
            "READ, NONE, WRITE, NONE, GRANTED",
            "READ_WRITE, NONE, READ_WRITE, NONE, GRANTED",
            "READ, WRITE, READ, NONE, GRANTED",
            "READ, WRITE, WRITE, NONE, DENIED",
            "READ, READ, READ, NONE, DENIED",
            "READ, READ_WRITE, READ, NONE, DENIED",
            "WRITE, NONE, READ, WRITE, DENIED",
            "READ, NONE, READ, WRITE, GRANTED",
            "READ, NONE, NONE, READ_WRITE, DENIED",
            "NONE, READ_WRITE, NONE, NONE, GRANTED",
            "NONE, NONE, NONE, READ_WRITE, GRANTED",
            "READ_WRITE, READ_WRITE, NONE, NONE, GRANTED",
    })
    void accessAgainstDenyMatrix(ShareAccess heldAccess, ShareDeny heldDeny, ShareAccess access, ShareDeny deny,
            LockStatus expected) {
        Harness h = new Harness();
        assertThat(h.share(Harness.share("a", heldAccess, heldDeny)).status()).isEqualTo(LockStatus.GRANTED);
        assertThat(h.share(Harness.share("b", access, deny)).status()).isEqualTo(expected);
        // The relation is symmetric.
        assertThat(Harness.share("a", heldAccess, heldDeny).conflictsWith(Harness.share("b", access, deny)))
                .isEqualTo(expected == LockStatus.DENIED);
        assertThat(Harness.share("b", access, deny).conflictsWith(Harness.share("a", heldAccess, heldDeny)))
                .isEqualTo(expected == LockStatus.DENIED);
    }

    @Test
    void aSecondShareByTheSameOwnerReplacesTheFirstAndNeverConflictsWithIt() {
        Harness h = new Harness();
        h.share(Harness.share("a", ShareAccess.READ, ShareDeny.READ_WRITE));
        assertThat(h.share(Harness.share("a", ShareAccess.READ_WRITE, ShareDeny.WRITE)).status())
                .isEqualTo(LockStatus.GRANTED);
        assertThat(h.store.load(Harness.FILE).shares())
                .containsExactly(Harness.share("a", ShareAccess.READ_WRITE, ShareDeny.WRITE));
        assertThat(h.share(Harness.share("b", ShareAccess.READ, ShareDeny.NONE)).status())
                .isEqualTo(LockStatus.GRANTED);
    }

    @Test
    void aConflictListedAfterTheOwnersOwnShareIsStillFound() {
        Harness h = new Harness();
        h.share(Harness.share("a", ShareAccess.READ, ShareDeny.NONE));
        h.share(Harness.share("b", ShareAccess.READ, ShareDeny.WRITE));
        assertThat(h.share(Harness.share("a", ShareAccess.WRITE, ShareDeny.NONE)).status())
                .isEqualTo(LockStatus.DENIED);
        assertThat(h.store.load(Harness.FILE).shares()).contains(Harness.share("a", ShareAccess.READ, ShareDeny.NONE));
    }

    @Test
    void unshareDropsOnlyTheOwnersShareAndAlwaysAnswersGranted() {
        Harness h = new Harness();
        h.share(Harness.share("a", ShareAccess.READ, ShareDeny.WRITE));
        assertThat(h.unshare("b").status()).isEqualTo(LockStatus.GRANTED);
        assertThat(h.share(Harness.share("b", ShareAccess.WRITE, ShareDeny.NONE)).status())
                .isEqualTo(LockStatus.DENIED);
        assertThat(h.unshare("a").status()).isEqualTo(LockStatus.GRANTED);
        assertThat(h.share(Harness.share("b", ShareAccess.WRITE, ShareDeny.NONE)).status())
                .isEqualTo(LockStatus.GRANTED);
        h.unshare("b");
        assertThat(h.store.isEmpty()).isTrue();
    }

    @Test
    void sharesAndByteRangeLocksIgnoreEachOther() {
        Harness h = new Harness();
        h.share(Harness.share("a", ShareAccess.READ_WRITE, ShareDeny.READ_WRITE));
        assertThat(h.lock("b x 0+eof").status()).isEqualTo(LockStatus.GRANTED);
        assertThat(h.share(Harness.share("c", ShareAccess.READ, ShareDeny.NONE)).status())
                .isEqualTo(LockStatus.DENIED);
        assertThat(h.share(Harness.share("b", ShareAccess.NONE, ShareDeny.NONE)).status())
                .isEqualTo(LockStatus.GRANTED);
    }

    @Test
    void wireValuesFollowXnfs() {
        assertThat(ShareDeny.fromWire(3)).isEqualTo(ShareDeny.READ_WRITE);
        assertThat(ShareAccess.fromWire(2)).isEqualTo(ShareAccess.WRITE);
        for (ShareDeny d : ShareDeny.values()) {
            assertThat(ShareDeny.fromWire(d.wire())).isEqualTo(d);
        }
        for (ShareAccess a : ShareAccess.values()) {
            assertThat(ShareAccess.fromWire(a.wire())).isEqualTo(a);
        }
    }
}
