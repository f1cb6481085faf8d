package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class KernelClientTest {
    private static final KernelClientAvailability MISSING =
            new KernelClientAvailability(List.of("not root (uid 1000)"));

    @Test
    void missingPrerequisiteSkipsWithTheReasonOutsideCi() {
        assertThatThrownBy(() -> KernelClient.requireOrSkip(MISSING, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("not root (uid 1000)");
    }

    @Test
    void missingPrerequisiteFailsInCi() {
        assertThatThrownBy(() -> KernelClient.requireOrSkip(MISSING, true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true").hasMessageContaining("uid 1000");
    }

    @Test
    void availableClientNeitherSkipsNorFails() {
        assertThatCode(() -> KernelClient.requireOrSkip(new KernelClientAvailability(List.of()), true))
                .doesNotThrowAnyException();
    }
}
