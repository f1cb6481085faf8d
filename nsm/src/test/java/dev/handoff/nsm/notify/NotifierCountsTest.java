package dev.handoff.nsm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.testing.ManualClock;
import dev.handoff.nsm.testing.ManualScheduler;
import dev.handoff.nsm.testing.RecordingSender;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SM_NOTIFY counters the metrics export: each attempt counts once, as acknowledged or failed. */
class NotifierCountsTest {
    private static final ServerName VIP = ServerName.of(InetAddress.ofLiteral("10.0.0.100"));
    private static final NotifyTarget A = new NotifyTarget("10.0.0.7", null, VIP);
    private static final NotifyTarget B = new NotifyTarget("10.0.0.8", null, VIP);
    private static final Notifier.Outcome IGNORE = new Notifier.Outcome() {
        @Override
        public void notified(NotifyTarget target, int state) {
        }

        @Override
        public void gaveUp(NotifyTarget target, int state) {
        }
    };

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingSender sender = new RecordingSender(clock);
    private final Notifier notifier = new Notifier(sender, scheduler, clock, RetryPolicy.defaults());

    @Test
    void nothingIsCountedBeforeANoticeIsSent() {
        assertThat(notifier.acknowledged()).isZero();
        assertThat(notifier.failed()).isZero();
    }

    @Test
    void everyFailedAttemptCountsAndTheFinalAnswerCountsOnce() {
        sender.failures("10.0.0.7", 3);
        notifier.notify(List.of(A, B), 5, IGNORE);
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(notifier.failed()).isEqualTo(3);
        assertThat(notifier.acknowledged()).isEqualTo(2);
    }

    @Test
    void aPeerThatIsDownCountsAFailureForEachTryUntilGivenUp() {
        sender.failures("10.0.0.7", Integer.MAX_VALUE);
        notifier.notify(List.of(A), 5, IGNORE);
        scheduler.advance(Duration.ofHours(1));

        assertThat(notifier.failed()).isEqualTo(sender.attemptTimes("10.0.0.7").size());
        assertThat(notifier.acknowledged()).isZero();
    }
}
