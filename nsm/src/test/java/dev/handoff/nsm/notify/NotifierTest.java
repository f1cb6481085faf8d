package dev.handoff.nsm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.testing.ManualClock;
import dev.handoff.nsm.testing.ManualScheduler;
import dev.handoff.nsm.testing.RecordingSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The retry schedule, on a manual clock: no test here waits for real time. */
class NotifierTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final ServerName VIP = ServerName.of(InetAddress.ofLiteral("10.0.0.100"));
    private static final NotifyTarget A = new NotifyTarget("10.0.0.7", null, VIP);
    private static final NotifyTarget B = new NotifyTarget("10.0.0.8", null, VIP);

    private final ManualClock clock = new ManualClock(T0);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingSender sender = new RecordingSender(clock);
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final Notifier.Outcome outcome = new Notifier.Outcome() {
        @Override
        public void notified(NotifyTarget target, int state) {
            outcomes.add("notified " + target.peer() + " " + state);
        }

        @Override
        public void gaveUp(NotifyTarget target, int state) {
            outcomes.add("gave up " + target.peer() + " " + state);
        }
    };

    private Notifier notifier(NotifySender s) {
        return new Notifier(s, scheduler, clock, RetryPolicy.defaults());
    }

    private static List<Instant> after(long... seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(T0::plusSeconds).toList();
    }

    @Test
    void aPeerIsTriedAtOnceThenAgainWithDoublingWaitsUntilItAnswers() {
        sender.failures("10.0.0.7", 3);
        notifier(sender).notify(List.of(A), 5, outcome);
        assertThat(sender.attemptTimes("10.0.0.7")).containsExactly(T0);

        scheduler.advance(Duration.ofMinutes(1));
        assertThat(sender.attemptTimes("10.0.0.7")).containsExactlyElementsOf(after(0, 2, 6, 14));
        assertThat(outcomes).containsExactly("notified 10.0.0.7 5");
        assertThat(scheduler.dueTimes()).isEmpty();
    }

    @Test
    void aPeerThatNeverAnswersIsGivenUpAfterFifteenMinutes() {
        sender.failures("10.0.0.7", Integer.MAX_VALUE);
        Notifier n = notifier(sender);
        n.notify(List.of(A), 5, outcome);
        scheduler.advance(Duration.ofHours(1));

        // 0, 2, 6, 14, 30, 62, 126, then every 120 s: 246 ... 846; 966 would be past 900.
        assertThat(sender.attemptTimes("10.0.0.7"))
                .containsExactlyElementsOf(after(0, 2, 6, 14, 30, 62, 126, 246, 366, 486, 606, 726, 846));
        assertThat(outcomes).containsExactly("gave up 10.0.0.7 5");
        assertThat(n.inProgress()).isZero();
    }

    @Test
    void aPeerWhoseRpcbindKnowsNoStatdIsAskedAgainOnlyAfterTheLongestWait() {
        sender.failures("10.0.0.7", 1, new StatdNotRegisteredException(new InetSocketAddress("10.0.0.7", 111)));
        notifier(sender).notify(List.of(A), 5, outcome);
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(sender.attemptTimes("10.0.0.7")).containsExactlyElementsOf(after(0, 120));
    }

    @Test
    void eachPeerIsTriedOnItsOwn() {
        sender.failures("10.0.0.8", 2);
        notifier(sender).notify(List.of(A, B), 5, outcome);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(sender.attemptTimes("10.0.0.7")).containsExactly(T0);
        assertThat(sender.attemptTimes("10.0.0.8")).containsExactlyElementsOf(after(0, 2, 6));
        assertThat(outcomes).containsExactly("notified 10.0.0.7 5", "notified 10.0.0.8 5");
    }

    @Test
    void aNewerNoticeToTheSamePeerReplacesTheOlderOne() {
        sender.failures("10.0.0.7", 1);
        Notifier n = notifier(sender);
        n.notify(List.of(A), 5, outcome);
        scheduler.advance(Duration.ofSeconds(1));
        n.notify(List.of(A), 7, outcome);
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(sender.attempts).extracting(RecordingSender.Attempt::state).containsExactly(5, 7);
        assertThat(outcomes).containsExactly("notified 10.0.0.7 7");
    }

    @Test
    void aSenderThatThrowsCountsAsAFailedAttempt() {
        int[] calls = {0};
        NotifySender throwing = (t, s) -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("socket trouble");
            }
            return CompletableFuture.completedFuture(null);
        };
        notifier(throwing).notify(List.of(A), 5, outcome);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(calls[0]).isEqualTo(2);
        assertThat(outcomes).containsExactly("notified 10.0.0.7 5");
    }

    @Test
    void anAnswerArrivingLaterIsReportedWhenItArrives() {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        notifier((t, s) -> reply).notify(List.of(A), 5, outcome);
        assertThat(outcomes).isEmpty();
        reply.complete(null);
        assertThat(outcomes).containsExactly("notified 10.0.0.7 5");
    }

    @Test
    void closingStopsTheRetriesWithoutReportingThem() {
        sender.failures("10.0.0.7", Integer.MAX_VALUE);
        Notifier n = notifier(sender);
        n.notify(List.of(A), 5, outcome);
        n.close();
        scheduler.advance(Duration.ofHours(1));
        assertThat(sender.attempts).hasSize(1);
        assertThat(outcomes).isEmpty();
        assertThatThrownBy(() -> n.notify(List.of(B), 5, outcome)).isInstanceOf(IllegalStateException.class);
    }
}
