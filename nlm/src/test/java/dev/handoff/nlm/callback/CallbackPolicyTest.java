package dev.handoff.nlm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {
    @Test
    void delaysDoubleUpToTheCap() {
        CallbackPolicy p = CallbackPolicy.defaults();

        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(10)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayAfter(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theBoundOnCallbacksUnderWayChangesAloneAndMustBePositive() {
        CallbackPolicy p = CallbackPolicy.defaults().withMaxOutstanding(2);

        assertThat(p.maxOutstanding()).isEqualTo(2);
        assertThat(p.withMaxOutstanding(1024)).isEqualTo(CallbackPolicy.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.withMaxOutstanding(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
