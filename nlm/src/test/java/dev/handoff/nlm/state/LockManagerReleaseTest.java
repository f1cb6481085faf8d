package dev.handoff.nlm.state;

import static dev.handoff.nlm.state.LockStatus.BLOCKED;
import static dev.handoff.nlm.state.LockStatus.DENIED_NOLOCKS;
import static dev.handoff.nlm.state.LockStatus.GRANTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-client release (FREE_ALL, reboot), per-file release, and the per-client limits. */
class LockManagerReleaseTest {
    private final Harness h = new Harness();

    @Test
    void freeAllReleasesEveryLockShareAndWaitOfThatClientOnAllFiles() {
        h.lock("a x 0+10");
        h.lock("a:2 s 20+10");
        h.lock(Harness.OTHER_FILE, "a x 0+eof", false, false);
        h.share(Harness.share("a", ShareAccess.READ, ShareDeny.WRITE));
        h.lock("b x 40+10");
        h.lockWait("a x 40+10");
        h.lockWait("c x 0+10");
        assertThat(h.store.filesOf("a")).containsExactlyInAnyOrder(Harness.FILE, Harness.OTHER_FILE);

        Result freed = h.freeAll("a");
        assertThat(Harness.granted(freed)).containsExactly("c x 0+10");
        assertThat(h.held()).containsExactly("c x 0+10", "b x 40+10");
        assertThat(h.queue()).isEmpty();
        assertThat(h.store.load(Harness.FILE).shares()).isEmpty();
        assertThat(h.store.load(Harness.OTHER_FILE).isEmpty()).isTrue();
        assertThat(h.store.filesOf("a")).isEmpty();
        assertThat(h.store.usage("a")).isEqualTo(ClientUsage.NONE);
    }

    @Test
    void aRebootNoticeReleasesLikeFreeAllIncludingGrantsAwaitingTheirCallback() {
        h.lock("b x 0+10");
        h.lockWait("a x 0+10");
        h.unlock("b", "0+10");
        assertThat(h.pending()).containsExactly("a x 0+10");
        h.rebooted("a", 5);
        assertThat(h.store.isEmpty()).isTrue();
        assertThat(h.manager.counters().get(Transition.CLIENT_REBOOTED)).isEqualTo(1);
    }

    @Test
    void releasingAFileDropsEverythingOnItAndNothingElse() {
        h.lock("a x 0+10");
        h.lockWait("b x 0+10");
        h.share(Harness.share("c", ShareAccess.READ, ShareDeny.NONE));
        h.lock(Harness.OTHER_FILE, "a x 0+10", false, false);
        Result r = h.on(new LockInput.ReleaseFile(Harness.FILE, h.now));
        assertThat(r.effects()).isEmpty();
        assertThat(h.store.fileCount()).isEqualTo(1);
        assertThat(h.store.filesOf("b")).isEmpty();
        assertThat(h.store.filesOf("a")).containsExactly(Harness.OTHER_FILE);
    }

    @Test
    void theLockLimitCountsNewRangesNotMergesAndNeverRefusesAnUnlock() {
        Harness limited = new Harness(new LockConfig(Duration.ofSeconds(90), 3, 1, Duration.ZERO));
        limited.lock("a s 0+10");
        limited.lock("a s 20+10");
        limited.lock(Harness.OTHER_FILE, "a s 0+10", false, false);
        assertThat(limited.lock("a s 40+10").status()).isEqualTo(DENIED_NOLOCKS);
        assertThat(limited.lock("a s 10+10").status()).isEqualTo(GRANTED);   // merges three into one
        assertThat(limited.held()).containsExactly("a s 0+30");
        assertThat(limited.lock("a x 10+5").status()).isEqualTo(DENIED_NOLOCKS); // would split 1 -> 3
        assertThat(limited.lock("a x 25+5").status()).isEqualTo(GRANTED);    // splits 1 -> 2: three in all
        assertThat(limited.lock("a s 40+10").status()).isEqualTo(DENIED_NOLOCKS);
        assertThat(limited.unlock("a", "2+1").status()).isEqualTo(GRANTED);  // a fourth piece: unlock may
        assertThat(limited.held()).containsExactly("a s 0+2", "a s 3+22", "a x 25+5");
        assertThat(limited.lock("b s 40+10").status()).isEqualTo(GRANTED);
        assertThat(limited.manager.counters().get(Transition.LOCK_NO_LOCKS)).isEqualTo(3);
    }

    @Test
    void sharesCountAgainstTheLockLimit() {
        Harness limited = new Harness(new LockConfig(Duration.ofSeconds(90), 1, 1, Duration.ZERO));
        limited.lock("a s 0+10");
        assertThat(limited.share(Harness.share("a", ShareAccess.READ, ShareDeny.NONE)).status())
                .isEqualTo(DENIED_NOLOCKS);
    }

    @Test
    void theWaitLimitRefusesOneWaitTooMany() {
        Harness limited = new Harness(new LockConfig(Duration.ofSeconds(90), 100, 1, Duration.ZERO));
        limited.lock("a x 0+eof");
        assertThat(limited.lockWait("b x 0+10").status()).isEqualTo(BLOCKED);
        assertThat(limited.lockWait("b:2 x 20+10").status()).isEqualTo(DENIED_NOLOCKS);
        assertThat(limited.lockWait("c x 20+10").status()).isEqualTo(BLOCKED);
        limited.cancel("b x 0+10");
        assertThat(limited.lockWait("b:2 x 20+10").status()).isEqualTo(BLOCKED);
        assertThat(limited.manager.counters().get(Transition.LOCK_NO_WAITS)).isEqualTo(1);
    }
}
